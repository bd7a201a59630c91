package io.invicta.jobs.mobility;

import io.invicta.jobs.common.DeadLetter;
import io.invicta.jobs.common.DecodedInput;
import io.invicta.jobs.common.Decoded;
import io.invicta.jobs.common.EventTimeExtractor;
import io.invicta.jobs.common.EventTimeOptions;
import io.invicta.jobs.common.InfluxOptions;
import io.invicta.jobs.common.JobArguments;
import io.invicta.jobs.common.KafkaOptions;
import io.invicta.jobs.common.LateEvent;
import io.invicta.jobs.common.LatenessGate;
import io.invicta.jobs.common.ZoneResolver;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Mobility metrics: traffic flow, on-street parking, bike docking stations and vehicle GPS, each read from its
 * Kafka topic, decoded and validated (failures → dead-letter topic), aggregated in short and long tumbling
 * event-time windows (default 1 min and 1 h) per entity and per zone ({@link ZoneResolver}), and written to InfluxDB.
 * The measurements are catalogued in docs/METRICS-MOBILITY.md.
 *
 * <p>Like the air-quality job, the topology takes its sources and sinks as arguments; {@link #main} wires Kafka and
 * InfluxDB from {@code --key value} arguments named like the options in {@link MobilityOptions}.
 */
public final class MobilityJob {

    public static final String NAME = "invicta-mobility";

    public static final String TRAFFIC = "traffic";
    public static final String TRAFFIC_ZONE = "traffic_zone";
    public static final String PARKING = "parking";
    public static final String PARKING_ZONE = "parking_zone";
    public static final String BIKES = "bike_station";
    public static final String BIKES_ZONE = "bike_zone";
    public static final String VEHICLES_ZONE = "vehicle_zone";

    private final Source<Decoded<TrafficFlowObserved>, ?, ?> traffic;
    private final Source<Decoded<OnStreetParking>, ?, ?> parking;
    private final Source<Decoded<BikeHireDockingStation>, ?, ?> bikes;
    private final Source<Decoded<VehiclePosition>, ?, ?> vehicles;
    private final Sink<MobilityPoint> sink;
    private final Sink<DeadLetter> deadLetterSink;
    private final Sink<LateEvent> lateEventSink;
    private final ReadableConfig config;
    private final Duration lateness;
    private final List<Duration> windows;
    private final ZoneResolver zones;

    public MobilityJob(Source<Decoded<TrafficFlowObserved>, ?, ?> traffic, Source<Decoded<OnStreetParking>, ?, ?> parking,
                       Source<Decoded<BikeHireDockingStation>, ?, ?> bikes, Source<Decoded<VehiclePosition>, ?, ?> vehicles,
                       Sink<MobilityPoint> sink, Sink<DeadLetter> deadLetterSink, Sink<LateEvent> lateEventSink,
                       ReadableConfig config) {
        this.traffic = traffic;
        this.parking = parking;
        this.bikes = bikes;
        this.vehicles = vehicles;
        this.sink = sink;
        this.deadLetterSink = deadLetterSink;
        this.lateEventSink = lateEventSink;
        this.config = config;
        this.lateness = config.get(EventTimeOptions.ALLOWED_LATENESS);
        this.windows = List.of(config.get(MobilityOptions.SHORT_WINDOW), config.get(MobilityOptions.LONG_WINDOW));
        windows.forEach(MobilityOptions::windowLabel); // fails fast on a window that is not whole seconds
        if (windows.get(0).equals(windows.get(1))) {
            throw new IllegalArgumentException("The short and long windows must differ, both are " + windows.get(0));
        }
        this.zones = ZoneResolver.of(config);
    }

    /** Adds the topology to {@code env} and returns the points (before the sink). */
    public DataStream<MobilityPoint> build(StreamExecutionEnvironment env) {
        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        List<DataStream<LateEvent>> late = new ArrayList<>();
        DataStream<TrafficFlowObserved> trafficFlow = decoded(env, traffic, TrafficFlowObserved.class,
                TrafficFlowObserved::getDateObserved, TrafficFlowObserved::getId, "traffic", deadLetters, late);
        DataStream<OnStreetParking> parkings = decoded(env, parking, OnStreetParking.class,
                OnStreetParking::getDateObserved, OnStreetParking::getId, "parking", deadLetters, late);
        DataStream<BikeHireDockingStation> stations = decoded(env, bikes, BikeHireDockingStation.class,
                BikeHireDockingStation::getDateObserved, BikeHireDockingStation::getId, "bikes", deadLetters, late);
        DataStream<VehiclePosition> positions = decoded(env, vehicles, VehiclePosition.class,
                VehiclePosition::getDateObserved, VehiclePosition::getVehicleId, "vehicles", deadLetters, late);
        deadLetters.get(0).union(deadLetters.subList(1, deadLetters.size()).toArray(DataStream[]::new))
                .sinkTo(deadLetterSink).name("dead-letters").uid("dead-letters");
        late.get(0).union(late.subList(1, late.size()).toArray(DataStream[]::new))
                .sinkTo(lateEventSink).name("late-events").uid("late-events");

        List<DataStream<MobilityPoint>> points = new ArrayList<>();

        DataStream<TrafficReading> readings = trafficFlow
                .keyBy(TrafficFlowObserved::getId, Types.STRING)
                .process(new TrafficReadings(zones, MobilityOptions.freeFlowSpeed(config),
                        MobilityOptions.freeFlowSpeeds(config), MobilityOptions.freeFlowLearning(config)))
                .name("traffic-readings").uid("traffic-readings");
        windowed(readings, r -> EmitPoint.key(r.sensorId, r.lane, r.zone), TrafficAggregate::new, TRAFFIC,
                points, "sensor", "lane", "zone");
        windowed(readings, r -> r.zone, TrafficAggregate::new, TRAFFIC_ZONE, points, "zone");

        DataStream<OnStreetParking> zonedParkings = zoned(parkings, OnStreetParking.class, "parking");
        windowed(zonedParkings, o -> EmitPoint.key(o.getId(), o.getZone()), ParkingAggregate::new, PARKING, points,
                "site", "zone");
        windowed(zonedParkings, OnStreetParking::getZone, ParkingAggregate::new, PARKING_ZONE, points, "zone");

        DataStream<BikeHireDockingStation> zonedStations = zoned(stations, BikeHireDockingStation.class, "bikes");
        windowed(zonedStations, s -> EmitPoint.key(s.getId(), s.getZone()), BikeAggregate::new, BIKES, points,
                "station", "zone");
        windowed(zonedStations, BikeHireDockingStation::getZone, BikeAggregate::new, BIKES_ZONE, points, "zone");

        DataStream<VehicleMove> moves = positions
                .keyBy(VehiclePosition::getVehicleId, Types.STRING)
                .process(new VehicleSpeeds(config.get(MobilityOptions.MAX_VEHICLE_SPEED),
                        config.get(MobilityOptions.VEHICLE_INACTIVITY), zones))
                .name("vehicle-speeds").uid("vehicle-speeds");
        for (Duration window : windows) {
            String label = MobilityOptions.windowLabel(window);
            DataStream<VehicleMove> perVehicle = moves
                    .keyBy(m -> EmitPoint.key(m.vehicleId, m.zone), Types.STRING)
                    .window(TumblingEventTimeWindows.of(window))
                    .allowedLateness(lateness)
                    .aggregate(new VehicleZoneAggregate(), new VehicleZoneAggregate.Emit())
                    .name("vehicle-zone-" + label).uid("vehicle-zone-" + label);
            points.add(perVehicle
                    .keyBy(m -> m.zone, Types.STRING)
                    .window(TumblingEventTimeWindows.of(window))
                    .allowedLateness(lateness)
                    .aggregate(new ZoneVehiclesAggregate(), new EmitPoint<>(VEHICLES_ZONE, label, "zone"))
                    .name(VEHICLES_ZONE + "-" + label).uid(VEHICLES_ZONE + "-" + label));
        }

        @SuppressWarnings("unchecked")
        DataStream<MobilityPoint> all = points.get(0).union(points.subList(1, points.size()).toArray(DataStream[]::new));
        all.sinkTo(sink).name("influxdb-mobility").uid("influxdb-mobility");
        return all;
    }

    /** Decoded, validated events in time; dead letters and events too late for any window are set aside. */
    private <T extends SpecificRecord> DataStream<T> decoded(
            StreamExecutionEnvironment env, Source<Decoded<T>, ?, ?> source, Class<T> type,
            EventTimeExtractor<T> eventTime, LatenessGate.SerializableKey<T> key, String family,
            List<DataStream<DeadLetter>> deadLetters, List<DataStream<LateEvent>> late) {
        DecodedInput<T> input = DecodedInput.of(env, config, source, type, eventTime, key, family);
        deadLetters.add(input.deadLetters());
        late.add(input.late());
        return input.events();
    }

    /**
     * The records with their {@code zone} field set from their location. Resolved once per record here rather than
     * in every window's key selector: one point-in-polygon test instead of one per window (and key extraction),
     * and one copy of the polygons in the job graph.
     */
    private <T extends SpecificRecord> DataStream<T> zoned(DataStream<T> in, Class<T> type, String family) {
        return in.map(new SetZone<T>(zones)).returns(type).name(family + "-zones").uid(family + "-zones");
    }

    /** The same aggregate in the short and the long window, keyed by the joined tag values. */
    private <T, A extends WindowMetrics> void windowed(DataStream<T> in, KeySelector<T, String> key,
                                                       Supplier<AggregateFunction<T, A, A>> aggregate,
                                                       String measurement, List<DataStream<MobilityPoint>> out,
                                                       String... tagNames) {
        for (Duration window : windows) {
            String label = MobilityOptions.windowLabel(window);
            out.add(in.keyBy(key, Types.STRING)
                    .window(TumblingEventTimeWindows.of(window))
                    .allowedLateness(lateness)
                    .aggregate(aggregate.get(), new EmitPoint<A>(measurement, label, tagNames))
                    .name(measurement + "-" + label).uid(measurement + "-" + label));
        }
    }

    public static void main(String[] args) throws Exception {
        Configuration config = JobArguments.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Duration maxFuture = config.get(MobilityOptions.MAX_FUTURE);
        new MobilityJob(
                KafkaOptions.source(config, config.get(MobilityOptions.TRAFFIC_TOPIC), TrafficFlowObserved.class,
                        new MobilityValidators.Traffic(maxFuture), NAME),
                KafkaOptions.source(config, config.get(MobilityOptions.PARKING_TOPIC), OnStreetParking.class,
                        new MobilityValidators.Parking(maxFuture), NAME),
                KafkaOptions.source(config, config.get(MobilityOptions.BIKE_TOPIC), BikeHireDockingStation.class,
                        new MobilityValidators.Bikes(maxFuture), NAME),
                KafkaOptions.source(config, config.get(MobilityOptions.VEHICLE_TOPIC), VehiclePosition.class,
                        new MobilityValidators.Vehicles(maxFuture), NAME),
                InfluxOptions.sink(config, new MobilityPoints()),
                KafkaOptions.deadLetterSink(config),
                KafkaOptions.lateEventSink(config),
                config)
                .build(env);
        env.execute(NAME);
    }
}
