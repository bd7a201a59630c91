package io.invicta.jobs.mobility;

import io.invicta.domain.Geo;
import io.invicta.jobs.io.DeadLetterSerializer;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.codec.Codecs;
import io.invicta.sinks.influxdb.InfluxDbSink;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;
import io.invicta.testkit.InfluxDbExtension;
import io.invicta.testkit.JobCounters;
import io.invicta.testkit.KafkaExtension;
import io.invicta.testkit.StackExtension;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.metrics.MetricNames;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Hand-made traffic, parking, bike and vehicle events with known answers → Kafka (in-JVM broker) →
 * the mobility job on a MiniCluster at parallelism 2 → a real influxd, queried back until the
 * answers are there.
 */
class MobilityJobIT {

    private static final int PARALLELISM = 2;
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final StackExtension STACK =
            StackExtension.withSlots(PARALLELISM, METRICS.addToConfiguration(new Configuration()));

    static final KafkaExtension KAFKA = STACK.kafka();
    static final InfluxDbExtension INFLUX = STACK.influx();

    static final Instant T0 = Instant.parse("2024-05-02T08:00:00Z");

    /**
     * After every window of the 08:00 hour: the events at this time only move the watermarks on.
     */
    static final Instant LATER = Instant.parse("2024-05-02T09:10:00Z");

    static final long WINDOW_START = T0.toEpochMilli();

    /** Trindade, Porto; the vehicle point is 0.001° further north, in the same 6-character cell. */
    static final GeoPoint CENTRE = point(41.1520, -8.6095);

    static final GeoPoint NORTH = point(41.1530, -8.6095);
    static final GeoPoint ELSEWHERE = point(41.0, -8.0);
    static final String ZONE = Geo.geohash(41.1520, -8.6095, 6);

    static final String TRAFFIC = "mob-traffic",
            PARKING = "mob-parking",
            BIKES = "mob-bikes",
            VEHICLES = "mob-vehicles",
            DEAD = "mob-dead-letter";

    @Test
    void knownTrafficParkingBikeAndVehicleAnswersReachInfluxAndABadRecordIsDeadLettered()
            throws Exception {
        assertThat(Geo.geohash(NORTH.getLat(), NORTH.getLon(), 6))
                .as("test points share a zone")
                .isEqualTo(ZONE);
        for (String topic : List.of(TRAFFIC, PARKING, BIKES, VEHICLES)) {
            KAFKA.createTopic(topic, 4);
        }
        KAFKA.createTopic(DEAD, 1);

        int produced =
                produce(
                        // tf-1 (free flow 64 by override): 100 veh @ 20 km/h + 100 @ 80 → 32 km/h,
                        // not 50.
                        TRAFFIC, traffic("tf-1", 1, 20, 100, 20.0, 0.5, null),
                        TRAFFIC, traffic("tf-1", 1, 40, 100, 80.0, 0.1, false),
                        // tf-2 (default free flow 50), another lane in the same zone.
                        TRAFFIC, traffic("tf-2", 2, 30, 50, 50.0, 0.2, null),
                        TRAFFIC, traffic("tf-bad", 1, 50, -5, 30.0, 0.1, null),
                        PARKING, parking("p-1", 10, 20, 100),
                        PARKING, parking("p-1", 50, 40, 100),
                        // counting drift: 53 cars in 50 spaces, clamped (the default) to full
                        PARKING, parking("p-2", 15, -3, 50),
                        BIKES, bikes("b-1", 10, 0, 10),
                        BIKES, bikes("b-1", 20, 5, 5),
                        BIKES, bikes("b-1", 30, 10, 0),
                        BIKES, bikes("b-1", 40, 5, 5),
                        // 12 bikes at 10 docks, rejected (as configured below)
                        BIKES, bikes("b-2", 10, 12, 0).setTotalSlotNumber(10),
                        VEHICLES, fix("bus-1", T0, CENTRE),
                        VEHICLES, fix("bus-1", T0.plusSeconds(15), NORTH),
                        VEHICLES,
                                fix(
                                        "bus-1",
                                        T0.plusSeconds(30),
                                        point(41.2530, -8.6095)), // 11 km in 15 s
                        VEHICLES, fix("taxi-2", T0.plusSeconds(20), CENTRE));

        JobClient job = startJob();
        try {
            // Only once the job has read the hour's events do the later ones move the watermarks
            // past it, so no
            // event of the hour can be late whatever the order the partitions are read in.
            await("the hour's events read")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> decodedRecordsIn(job.getJobID()) >= produced);
            produce(
                    TRAFFIC,
                            traffic("tf-9", 1, 0, 1, 50.0, 0.1, null)
                                    .setDateObserved(LATER)
                                    .setLocation(ELSEWHERE)
                                    .build(),
                    PARKING,
                            parking("p-9", 0, 1, 2)
                                    .setDateObserved(LATER)
                                    .setLocation(ELSEWHERE)
                                    .build(),
                    BIKES,
                            bikes("b-9", 0, 1, 1)
                                    .setDateObserved(LATER)
                                    .setLocation(ELSEWHERE)
                                    .build(),
                    VEHICLES, fix("bus-9", LATER, ELSEWHERE));

            for (String window : List.of("1m", "1h")) {
                Map<String, Object> tf1 =
                        await("tf-1 " + window)
                                .atMost(Duration.ofSeconds(60))
                                .pollInterval(Duration.ofMillis(500))
                                .until(
                                        () -> row("traffic", window, "sensor", "tf-1"),
                                        Objects::nonNull);
                assertThat(tf1).containsEntry("lane", "1").containsEntry("zone", ZONE);
                assertThat(number(tf1, "vehicles")).isEqualTo(200);
                assertThat(number(tf1, "speed")).isCloseTo(32.0, within(1e-9));
                assertThat(number(tf1, "occupancy")).isCloseTo(0.3, within(1e-9));
                assertThat(number(tf1, "congestion_index")).isCloseTo(1 - 32.0 / 64, within(1e-9));
                assertThat(number(tf1, "congested_share")).isCloseTo(0.5, within(1e-12));

                Map<String, Object> tf2 =
                        await().until(
                                        () -> row("traffic", window, "sensor", "tf-2"),
                                        Objects::nonNull);
                assertThat(tf2).containsEntry("lane", "2");
                assertThat(number(tf2, "speed")).isCloseTo(50.0, within(1e-9));
                assertThat(number(tf2, "congestion_index")).isZero();

                Map<String, Object> zone =
                        await().until(
                                        () -> row("traffic_zone", window, "zone", ZONE),
                                        Objects::nonNull);
                double hours = 100 / 20.0 + 100 / 80.0 + 50 / 50.0;
                double freeFlowHours = 200 / 64.0 + 50 / 50.0;
                assertThat(number(zone, "vehicles")).isEqualTo(250);
                assertThat(number(zone, "speed")).isCloseTo(250 / hours, within(1e-9));
                assertThat(number(zone, "congestion_index"))
                        .isCloseTo(1 - freeFlowHours / hours, within(1e-9));
                assertThat(number(zone, "congested_share")).isCloseTo(1 / 3.0, within(1e-12));

                Map<String, Object> site =
                        await().until(
                                        () -> row("parking", window, "site", "p-1"),
                                        Objects::nonNull);
                assertThat(number(site, "occupancy_rate"))
                        .isCloseTo((0.8 + 0.6) / 2, within(1e-12));
                assertThat(number(site, "min_available")).isEqualTo(20);
                Map<String, Object> drifting =
                        await().until(
                                        () -> row("parking", window, "site", "p-2"),
                                        Objects::nonNull);
                assertThat(number(drifting, "occupancy_rate")).isEqualTo(1.0);
                assertThat(number(drifting, "min_available")).isEqualTo(0);
                assertThat(
                                await().until(
                                                () -> row("parking_zone", window, "zone", ZONE),
                                                Objects::nonNull))
                        .satisfies(
                                r ->
                                        assertThat(number(r, "occupancy_rate"))
                                                .isCloseTo((0.8 + 0.6 + 1.0) / 3, within(1e-12)));

                Map<String, Object> station =
                        await().until(
                                        () -> row("bike_station", window, "station", "b-1"),
                                        Objects::nonNull);
                assertThat(number(station, "available_bikes")).isEqualTo(5.0);
                assertThat(number(station, "free_docks")).isEqualTo(5.0);
                assertThat(number(station, "empty_share")).isEqualTo(0.25);
                assertThat(number(station, "full_share")).isEqualTo(0.25);

                Map<String, Object> vehicles =
                        await().atMost(Duration.ofSeconds(30))
                                .until(
                                        () -> row("vehicle_zone", window, "zone", ZONE),
                                        Objects::nonNull);
                double meters = 6_371_008.8 * Math.toRadians(0.001); // along the meridian
                assertThat(number(vehicles, "active_vehicles")).isEqualTo(2);
                assertThat(number(vehicles, "speed")).isCloseTo(meters / 15 * 3.6, within(1e-6));
            }
            // One point per window and entity: the late sentinels are in other windows and zones.
            assertThat(
                            INFLUX.query(
                                    "SELECT count(\"vehicles\") FROM traffic_1m WHERE time >="
                                            + " '2024-05-02T08:00:00Z' AND time <"
                                            + " '2024-05-02T09:00:00Z' GROUP BY sensor"))
                    .hasSize(2);

            assertThat(counter(job.getJobID(), "vehicle-speeds", "implausibleJumps")).isEqualTo(1);
            List<ConsumerRecord<String, byte[]>> letters =
                    KAFKA.consume(DEAD, 2, Duration.ofSeconds(30));
            assertThat(letters)
                    .extracting(
                            ConsumerRecord::key,
                            r -> header(r, DeadLetterSerializer.REASON),
                            r -> header(r, DeadLetterSerializer.DETAIL).split(" ")[0])
                    .containsExactlyInAnyOrder(
                            tuple("tf-bad", "INVALID", "intensity"),
                            tuple("b-2", "ANOMALY", "bikes-above-capacity:"));

            // the data-quality figures: per sensor, check and hour, whatever was done
            List<Map<String, Object>> quality =
                    await("data-quality points")
                            .atMost(Duration.ofSeconds(60))
                            .until(
                                    () ->
                                            INFLUX.query(
                                                    "SELECT * FROM data_quality_1h WHERE time = '"
                                                            + T0
                                                            + "'"),
                                    rows -> rows.size() == 2);
            assertThat(quality)
                    .extracting(
                            r -> r.get("kind"),
                            r -> r.get("sensor"),
                            r -> r.get("check"),
                            r -> r.get("action"),
                            r -> number(r, "count"))
                    .containsExactlyInAnyOrder(
                            tuple("parking", "p-2", "parking-over-capacity", "clamp", 1.0),
                            tuple("bike-stations", "b-2", "bikes-above-capacity", "reject", 1.0));
            assertThat(
                            JobCounters.sum(
                                    METRICS,
                                    job.getJobID(),
                                    ".anomalies.check.parking-over-capacity.count"))
                    .isEqualTo(1);
            assertThat(
                            JobCounters.sum(
                                    METRICS,
                                    job.getJobID(),
                                    ".anomalies.check.bikes-above-capacity.count"))
                    .isEqualTo(1);
        } finally {
            job.cancel().get();
        }
    }

    private static JobClient startJob() throws Exception {
        Configuration config = new Configuration();
        config.set(InfluxDbSinkOptions.URL, INFLUX.url()); // the data-quality points
        config.set(InfluxDbSinkOptions.DATABASE, INFLUX.database());
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        config.set(TopicOptions.DEAD_LETTER, DEAD);
        config.set(EventTimeOptions.IDLENESS, Duration.ofSeconds(2));
        config.set(MobilityOptions.FREE_FLOW_SPEEDS, Map.of("tf-1", "64"));
        config.setString("anomaly.bikes-above-capacity", "reject");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(1000);
        config.set(TopicOptions.of(EventKind.TRAFFIC_FLOW), TRAFFIC);
        config.set(TopicOptions.of(EventKind.PARKING), PARKING);
        config.set(TopicOptions.of(EventKind.BIKE_STATIONS), BIKES);
        config.set(TopicOptions.of(EventKind.VEHICLE_POSITIONS), VEHICLES);
        new MobilityJob(
                        Inputs.kafka(config, "mobility-it", MobilityJob.READS),
                        new MobilityJob.Outputs(
                                InfluxDbSink.<MobilityPoint>builder()
                                        .url(INFLUX.url())
                                        .database(INFLUX.database())
                                        .converter(new MobilityPoints())
                                        .build(),
                                Rejects.of(config)),
                        config)
                .build(env);
        return env.executeAsync("mobility-it");
    }

    static GeoPoint point(double lat, double lon) {
        return GeoPoint.newBuilder().setLat(lat).setLon(lon).build();
    }

    static TrafficFlowObserved.Builder traffic(
            String id,
            int lane,
            int second,
            int vehicles,
            double kmh,
            double occupancy,
            Boolean congested) {
        return TrafficFlowObserved.newBuilder()
                .setId(id)
                .setDateObserved(T0.plusSeconds(second))
                .setLocation(CENTRE)
                .setLaneId(lane)
                .setIntensity(vehicles)
                .setAverageVehicleSpeed(kmh)
                .setOccupancy(occupancy)
                .setCongested(congested);
    }

    static OnStreetParking.Builder parking(String id, int second, int available, int total) {
        return OnStreetParking.newBuilder()
                .setId(id)
                .setDateObserved(T0.plusSeconds(second))
                .setLocation(CENTRE)
                .setAvailableSpotNumber(available)
                .setTotalSpotNumber(total);
    }

    static BikeHireDockingStation.Builder bikes(String id, int second, int available, int free) {
        return BikeHireDockingStation.newBuilder()
                .setId(id)
                .setDateObserved(T0.plusSeconds(second))
                .setLocation(CENTRE)
                .setAvailableBikeNumber(available)
                .setFreeSlotNumber(free)
                .setTotalSlotNumber(10);
    }

    static VehiclePosition fix(String vehicle, Instant time, GeoPoint where) {
        return VehiclePosition.newBuilder()
                .setId(vehicle)
                .setVehicleId(vehicle)
                .setDateObserved(time)
                .setLocation(where)
                .build();
    }

    /** Produces (topic, record-or-builder) pairs, keyed by the entity id; returns how many. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int produce(Object... topicsAndRecords) throws Exception {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (int i = 0; i < topicsAndRecords.length; i += 2) {
                Object r = topicsAndRecords[i + 1];
                SpecificRecord record =
                        r instanceof SpecificRecord s
                                ? s
                                : (SpecificRecord) r.getClass().getMethod("build").invoke(r);
                String key =
                        record instanceof VehiclePosition v
                                ? v.getVehicleId()
                                : (String) record.get(0);
                byte[] value = Codecs.forType((Class) record.getClass()).encode(record);
                producer.send(new ProducerRecord<>((String) topicsAndRecords[i], key, value)).get();
            }
        }
        return topicsAndRecords.length / 2;
    }

    /**
     * The point of {@code measurement} in the 08:00 window with the given tag, or null while it is
     * not there.
     */
    private static Map<String, Object> row(
            String measurement, String window, String tag, String value) {
        return INFLUX
                .query(
                        "SELECT * FROM \""
                                + measurement
                                + "_"
                                + window
                                + "\" WHERE time = '"
                                + T0
                                + "'")
                .stream()
                .filter(r -> value.equals(r.get(tag)))
                .findFirst()
                .orElse(null);
    }

    private static double number(Map<String, Object> row, String field) {
        return InfluxDbExtension.number(row, field).doubleValue();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Sum over subtasks of the counter {@code name} of the operators named {@code operator}. */
    private static long counter(JobID job, String operator, String name) {
        return METRICS.findOperatorMetricGroups(job, operator).stream()
                .map(group -> METRICS.getMetricsByGroup(group).get(name))
                .filter(m -> m instanceof Counter)
                .mapToLong(m -> ((Counter) m).getCount())
                .sum();
    }

    /**
     * Records into the decoding operators (after the Kafka sources), dead letters included. Read by
     * name from the reporter: a group seen while its operator is still being set up may not hold
     * its I/O group yet.
     */
    private static long decodedRecordsIn(JobID job) {
        return counter(job, "decode-.*", MetricNames.IO_NUM_RECORDS_IN);
    }
}
