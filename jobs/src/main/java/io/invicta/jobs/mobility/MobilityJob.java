package io.invicta.jobs.mobility;

import io.invicta.jobs.CityJob;
import io.invicta.jobs.DecodedInput;
import io.invicta.jobs.SharedOptions;
import io.invicta.jobs.config.JobOptions;
import io.invicta.jobs.config.MetricsOptions;
import io.invicta.jobs.io.InfluxSinks;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.jobs.time.NeverIdleAfterShuffle;
import io.invicta.jobs.windows.EnvironmentWindows;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Mobility metrics: traffic flow, on-street parking, bike docking stations and vehicle GPS, each
 * read from its Kafka topic, decoded and validated (failures → dead-letter topic), aggregated in
 * short and long tumbling event-time windows (default 1 min and 1 h) per entity and per zone
 * ({@link ZoneResolver}), and written to InfluxDB. The measurements are catalogued in
 * docs/METRICS-MOBILITY.md.
 *
 * <p>Like every job ({@link CityJob}), it takes its inputs and outputs as arguments; {@link #main}
 * wires Kafka and InfluxDB from the options ({@link #OPTIONS}).
 */
public final class MobilityJob extends CityJob {

    public static final String NAME = "invicta-mobility";

    /** The event kinds the job reads. */
    public static final List<EventKind<?>> READS =
            List.of(
                    EventKind.TRAFFIC_FLOW,
                    EventKind.PARKING,
                    EventKind.BIKE_STATIONS,
                    EventKind.VEHICLE_POSITIONS);

    /** Every option the job accepts. */
    public static final JobOptions OPTIONS =
            SharedOptions.METRICS_JOBS.and(MobilityOptions.class).and(TopicOptions.of(READS));

    /** Where the job's results and rejects go; tests plug in their own. */
    public record Outputs(Sink<MobilityPoint> points, Rejects rejects) {

        /** InfluxDB for results, Kafka for dead letters and late events, as configured. */
        public static Outputs of(ReadableConfig config) {
            return new Outputs(InfluxSinks.sink(config, new MobilityPoints()), Rejects.of(config));
        }
    }

    public static final String TRAFFIC = "traffic";
    public static final String TRAFFIC_ZONE = "traffic_zone";
    public static final String PARKING = "parking";
    public static final String PARKING_ZONE = "parking_zone";
    public static final String BIKES = "bike_station";
    public static final String BIKES_ZONE = "bike_zone";
    public static final String VEHICLES_ZONE = "vehicle_zone";

    private final Outputs outputs;
    private final Duration lateness;
    private final List<Duration> windows;
    private final ZoneResolver zones;

    public MobilityJob(Inputs inputs, Outputs outputs, ReadableConfig config) {
        super(NAME, inputs, config);
        this.outputs = outputs;
        this.lateness = config.get(EventTimeOptions.ALLOWED_LATENESS);
        this.windows =
                List.of(
                        config.get(MetricsOptions.SHORT_WINDOW),
                        config.get(MetricsOptions.LONG_WINDOW));
        windows.forEach(
                MetricsOptions::resolution); // fails fast on a window that is not whole seconds
        if (windows.get(0).equals(windows.get(1))) {
            throw new IllegalArgumentException(
                    "The short and long windows must differ, both are " + windows.get(0));
        }
        this.zones = ZoneResolver.of(config);
    }

    @Override
    protected void topology(StreamExecutionEnvironment env) {
        List<DecodedInput<?>> inputs = new ArrayList<>();
        DataStream<TrafficFlowObserved> trafficFlow =
                decoded(env, EventKind.TRAFFIC_FLOW, "traffic", inputs);
        DataStream<OnStreetParking> parkings = decoded(env, EventKind.PARKING, "parking", inputs);
        DataStream<BikeHireDockingStation> stations =
                decoded(env, EventKind.BIKE_STATIONS, "bikes", inputs);
        DataStream<VehiclePosition> positions =
                decoded(env, EventKind.VEHICLE_POSITIONS, "vehicles", inputs);
        DecodedInput.attachAll(inputs, outputs.rejects(), config);

        List<DataStream<MobilityPoint>> points = new ArrayList<>();

        DataStream<TrafficReading> readings =
                NeverIdleAfterShuffle.process(
                        trafficFlow.keyBy(TrafficFlowObserved::getId, Types.STRING),
                        new TrafficReadings(
                                zones,
                                MobilityOptions.freeFlowSpeed(config),
                                MobilityOptions.freeFlowSpeeds(config),
                                MobilityOptions.freeFlowLearning(config)),
                        TypeInformation.of(TrafficReading.class),
                        "traffic-readings");
        windowed(
                readings,
                r -> EmitPoint.key(r.sensorId, r.lane, r.zone),
                TrafficAggregate::new,
                TRAFFIC,
                points,
                "sensor",
                "lane",
                "zone");
        windowed(readings, r -> r.zone, TrafficAggregate::new, TRAFFIC_ZONE, points, "zone");

        DataStream<OnStreetParking> zonedParkings =
                zoned(parkings, OnStreetParking.class, "parking");
        windowed(
                zonedParkings,
                o -> EmitPoint.key(o.getId(), o.getZone()),
                ParkingAggregate::new,
                PARKING,
                points,
                "site",
                "zone");
        windowed(
                zonedParkings,
                OnStreetParking::getZone,
                ParkingAggregate::new,
                PARKING_ZONE,
                points,
                "zone");

        DataStream<BikeHireDockingStation> zonedStations =
                zoned(stations, BikeHireDockingStation.class, "bikes");
        windowed(
                zonedStations,
                s -> EmitPoint.key(s.getId(), s.getZone()),
                BikeAggregate::new,
                BIKES,
                points,
                "station",
                "zone");
        windowed(
                zonedStations,
                BikeHireDockingStation::getZone,
                BikeAggregate::new,
                BIKES_ZONE,
                points,
                "zone");

        DataStream<VehicleMove> moves =
                NeverIdleAfterShuffle.process(
                        positions.keyBy(VehiclePosition::getVehicleId, Types.STRING),
                        new VehicleSpeeds(
                                config.get(MobilityOptions.MAX_VEHICLE_SPEED),
                                config.get(MobilityOptions.VEHICLE_INACTIVITY),
                                zones),
                        TypeInformation.of(VehicleMove.class),
                        "vehicle-speeds");
        for (Duration window : windows) {
            String label = MetricsOptions.resolution(window);
            DataStream<VehicleMove> perVehicle =
                    moves.keyBy(m -> EmitPoint.key(m.vehicleId, m.zone), Types.STRING)
                            .window(TumblingEventTimeWindows.of(window))
                            .allowedLateness(lateness)
                            .aggregate(new VehicleZoneAggregate(), new VehicleZoneAggregate.Emit())
                            .name("vehicle-zone-" + label)
                            .uid("vehicle-zone-" + label);
            points.add(
                    perVehicle
                            .keyBy(m -> m.zone, Types.STRING)
                            .window(TumblingEventTimeWindows.of(window))
                            .allowedLateness(lateness)
                            .aggregate(
                                    new ZoneVehiclesAggregate(),
                                    new EmitPoint<>(VEHICLES_ZONE, label, "zone"))
                            .name(VEHICLES_ZONE + "-" + label)
                            .uid(VEHICLES_ZONE + "-" + label + EnvironmentWindows.STATE_FORMAT));
        }

        union(points).sinkTo(outputs.points()).name("influxdb-mobility").uid("influxdb-mobility");
    }

    @SuppressWarnings("unchecked")
    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        return streams.get(0).union(streams.subList(1, streams.size()).toArray(DataStream[]::new));
    }

    /**
     * Decoded, validated events in time; the input (with its dead letters, events too late for any
     * window and anomalies) is added to {@code all}.
     */
    private <T extends SpecificRecord> DataStream<T> decoded(
            StreamExecutionEnvironment env,
            EventKind<T> kind,
            String family,
            List<DecodedInput<?>> all) {
        DecodedInput<T> input = DecodedInput.of(env, config, inputs.of(kind), kind, family);
        all.add(input);
        return input.events();
    }

    /**
     * The records with their {@code zone} field set from their location. Resolved once per record
     * here rather than in every window's key selector: one point-in-polygon test instead of one per
     * window (and key extraction), and one copy of the polygons in the job graph.
     */
    private <T extends SpecificRecord> DataStream<T> zoned(
            DataStream<T> in, Class<T> type, String family) {
        return in.map(new SetZone<T>(zones))
                .returns(type)
                .name(family + "-zones")
                .uid(family + "-zones");
    }

    /** The same aggregate in the short and the long window, keyed by the joined tag values. */
    private <T, A extends WindowMetrics> void windowed(
            DataStream<T> in,
            KeySelector<T, String> key,
            Supplier<AggregateFunction<T, A, A>> aggregate,
            String measurement,
            List<DataStream<MobilityPoint>> out,
            String... tagNames) {
        for (Duration window : windows) {
            String label = MetricsOptions.resolution(window);
            out.add(
                    in.keyBy(key, Types.STRING)
                            .window(TumblingEventTimeWindows.of(window))
                            .allowedLateness(lateness)
                            .aggregate(
                                    aggregate.get(), new EmitPoint<A>(measurement, label, tagNames))
                            .name(measurement + "-" + label)
                            .uid(measurement + "-" + label + EnvironmentWindows.STATE_FORMAT));
        }
    }

    /** The production job: Kafka inputs, InfluxDB and Kafka outputs. */
    public static final Factory FACTORY =
            new Factory(
                    OPTIONS,
                    config ->
                            new MobilityJob(
                                    Inputs.kafka(config, NAME, READS), Outputs.of(config), config));

    public static void main(String[] args) throws Exception {
        CityJob.run(args, FACTORY);
    }
}
