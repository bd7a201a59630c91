package io.invicta.tools.airquality;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.tools.kafka.KafkaMixin;
import io.invicta.tools.kafka.RecordSender;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Writes synthetic AirQualityObserved readings of Porto stations to Kafka (key = sensor id), and
 * optionally the per-minute means they must produce, computed here independently of Flink, as a CSV
 * for checks.
 *
 * <p>Readings cover {@code --minutes} whole minutes from {@code --start}; then each sensor sends
 * one closing reading {@code --closing-gap} later, whose only purpose is to move the watermark past
 * the last minute (its own minute stays open and is not in the expected file).
 */
@Command(
        name = "produce-air-quality",
        mixinStandardHelpOptions = true,
        description = "Produce synthetic AirQualityObserved readings to Kafka.")
public final class ProduceAirQuality implements Callable<Integer> {

    @Mixin KafkaMixin kafka;

    @Option(
            names = "--topic",
            defaultValue = "air-quality",
            description = "Topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--sensors",
            defaultValue = "8",
            description = "Number of stations (default: ${DEFAULT-VALUE}).")
    int sensors;

    @Option(
            names = "--minutes",
            defaultValue = "5",
            description = "Whole minutes of readings (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(
            names = "--per-minute",
            defaultValue = "6",
            description = "Readings per station and minute (default: ${DEFAULT-VALUE}).")
    int perMinute;

    @Option(
            names = "--start",
            description =
                    "First minute, ISO-8601 instant (default: now, truncated to the minute, minus"
                            + " --minutes).")
    Instant start;

    @Option(
            names = "--closing-gap",
            defaultValue = "PT5M",
            description =
                    "Event-time gap of the closing reading after the last minute (default:"
                            + " ${DEFAULT-VALUE}).")
    Duration closingGap;

    @Option(
            names = "--corrupt",
            defaultValue = "0",
            description =
                    "Also write this many bad records, cycling through truncated, not Avro, unknown"
                            + " schema, negative NO2 (default: ${DEFAULT-VALUE}).")
    int corrupt;

    @Option(
            names = "--zones",
            defaultValue = "0",
            description =
                    "Name the stations' zones zone-0..zone-(N-1), round robin; 0 leaves the zone"
                        + " empty (the job then uses a geohash cell) (default: ${DEFAULT-VALUE}).")
    int zones;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--expected", description = "Write the expected per-minute means here (CSV).")
    Path expected;

    /** The Avro fields this producer fills; the InfluxDB tag values of the job are these names. */
    private static final String[] POLLUTANTS = {"no2", "pm10", "pm25", "o3", "co"};

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProduceAirQuality()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Instant first =
                start != null
                        ? start
                        : Instant.now()
                                .truncatedTo(ChronoUnit.MINUTES)
                                .minus(minutes, ChronoUnit.MINUTES);
        List<AirQualityObserved> readings = readings(first);
        Map<String, double[]> means = expectedMeans(readings);

        AvroCodec<AirQualityObserved> codec = Codecs.forType(AirQualityObserved.class);
        Random random = new Random(seed);
        long sent = 0;
        try (RecordSender producer = kafka.sender("invicta-produce-air-quality")) {
            int corruptEvery =
                    corrupt == 0 ? Integer.MAX_VALUE : Math.max(1, readings.size() / corrupt);
            int corruptSent = 0;
            for (int i = 0; i < readings.size(); i++) {
                AirQualityObserved reading = readings.get(i);
                producer.send(topic, key(reading), null, codec.encode(reading));
                sent++;
                if (corruptSent < corrupt && i % corruptEvery == 0) {
                    producer.send(
                            topic,
                            key(reading),
                            null,
                            corruptBytes(codec, reading, random, corruptSent));
                    corruptSent++;
                }
            }
            Instant closing = first.plus(minutes, ChronoUnit.MINUTES).plus(closingGap);
            for (int s = 0; s < sensors; s++) {
                AirQualityObserved reading = reading(s, closing, random);
                producer.send(topic, key(reading), null, codec.encode(reading));
                sent++;
            }
            producer.flush();
            producer.requireDelivered();
            System.out.printf(
                    "Produced %d readings (%d stations, %d minutes from %s) and %d bad records to"
                            + " %s%n",
                    sent, sensors, minutes, first, corruptSent, topic);
        }
        if (expected != null) {
            writeExpected(means);
            System.out.printf(
                    "Expected %d per-minute means written to %s%n", means.size(), expected);
        }
        return 0;
    }

    private List<AirQualityObserved> readings(Instant first) {
        Random random = new Random(seed);
        List<AirQualityObserved> readings = new ArrayList<>();
        long step = 60_000L / perMinute;
        for (int m = 0; m < minutes; m++) {
            for (int k = 0; k < perMinute; k++) {
                Instant at = first.plusMillis(m * 60_000L + k * step);
                for (int s = 0; s < sensors; s++) {
                    readings.add(reading(s, at, random));
                }
            }
        }
        return readings;
    }

    private AirQualityObserved reading(int sensor, Instant at, Random random) {
        // Porto, spread over lat 41.14–41.18, lon −8.69 to −8.55; levels differ per station.
        double lat = 41.14 + 0.04 * ((sensor * 37) % 100) / 100.0;
        double lon = -8.69 + 0.14 * ((sensor * 61) % 100) / 100.0;
        return AirQualityObserved.newBuilder()
                .setId(sensorId(sensor))
                .setDateObserved(at)
                .setLocation(new GeoPoint(lat, lon))
                .setZone(zones > 0 ? "zone-" + (sensor % zones) : null)
                .setNo2(round(15 + 3 * sensor + 30 * random.nextDouble()))
                .setPm10(round(10 + 2 * sensor + 20 * random.nextDouble()))
                .setPm25(round(5 + sensor + 10 * random.nextDouble()))
                .setO3(round(40 + 40 * random.nextDouble()))
                .setCo(sensor % 2 == 0 ? round(0.2 + random.nextDouble()) : null)
                .build();
    }

    private static String sensorId(int sensor) {
        return String.format("porto-aq-%03d", sensor);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * Mean per sensor, pollutant and minute, keyed "sensor,pollutant,minuteStartMs"; value =
     * {count, sum}.
     */
    private static Map<String, double[]> expectedMeans(List<AirQualityObserved> readings) {
        Map<String, double[]> sums = new TreeMap<>();
        for (AirQualityObserved r : readings) {
            long minute = r.getDateObserved().toEpochMilli() / 60_000L * 60_000L;
            for (String pollutant : POLLUTANTS) {
                Double value = (Double) r.get(pollutant);
                if (value != null) {
                    double[] acc =
                            sums.computeIfAbsent(
                                    r.getId() + "," + pollutant + "," + minute, k -> new double[2]);
                    acc[0]++;
                    acc[1] += value;
                }
            }
        }
        return sums;
    }

    private void writeExpected(Map<String, double[]> means) throws IOException {
        try (PrintWriter out =
                new PrintWriter(Files.newBufferedWriter(expected, StandardCharsets.UTF_8))) {
            out.println("sensor,pollutant,window_start_ms,count,mean");
            means.forEach(
                    (key, acc) -> out.println(key + "," + (long) acc[0] + "," + (acc[1] / acc[0])));
        }
    }

    private static byte[] corruptBytes(
            AvroCodec<AirQualityObserved> codec, AirQualityObserved reading, Random random, int n) {
        byte[] good = codec.encode(reading);
        return switch (n % 4) {
            case 0 -> Arrays.copyOf(good, good.length / 2); // truncated body
            case 1 -> "{\"id\":\"not-avro\"}".getBytes(StandardCharsets.UTF_8); // wrong format
            case 2 -> { // unknown schema fingerprint
                byte[] bad = good.clone();
                bad[5] ^= (byte) (1 + random.nextInt(255));
                yield bad;
            }
            default ->
                    codec.encode(
                            AirQualityObserved.newBuilder(reading) // decodes, but impossible
                                    .setNo2(-1.0 - random.nextInt(100))
                                    .build());
        };
    }

    private static byte[] key(AirQualityObserved reading) {
        return reading.getId().getBytes(StandardCharsets.UTF_8);
    }
}
