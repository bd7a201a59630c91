package io.invicta.sinks.influxdb;

import io.invicta.testkit.InfluxDbExtension;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Throughput of the sink writer against a plain HTTP POST of the same line-protocol batches, on a
 * private influxd (free port, temporary directory, stopped at the end). Run by {@code
 * scripts/bench-influx-sink}.
 *
 * <p>Sink: records (longs) go through a converter building {@link InfluxPoint}s, the writer encodes
 * and batches them (default options: 5,000 points, 2 in flight) and {@code flush(true)} waits for
 * all; timed from the first write to the end of the flush. Raw: the same points, encoded into the
 * same 5,000-line batches beforehand (untimed), POSTed with java.net.http one after the other ("raw
 * POST", the baseline) and with two concurrent requests like the sink's default {@code
 * maxInFlight} ("raw POST x2", the fair comparison); timed over the POSTs only. Each round writes
 * into fresh databases, the three paths in turn, after a warm-up round.
 */
public final class InfluxSinkBenchmark {

    private static final long BASE = 1_700_000_000_000L;

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        InfluxDbExtension influx = new InfluxDbExtension("warmup");
        influx.start();
        // Also on SIGTERM/Ctrl-C (scripts/bench-influx-sink forwards them): never leave influxd
        // behind.
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        influx.close();
                                    } catch (Exception e) {
                                        System.err.println("could not stop influxd: " + e);
                                    }
                                }));
        influxdPid = influx.pid();
        System.out.printf("influxd pid %d at %s%n", influx.pid(), influx.url());
        try {
            raw(influx, "warmup_raw", 100_000, 1);
            raw(influx, "warmup_raw2", 100_000, 2);
            sink(influx, "warmup_sink", 100_000);
            List<double[]> results = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                long[] before = cpu();
                double raw = raw(influx, "raw_" + r, points, 1);
                String rawCpu = cpuSince(before, points);
                before = cpu();
                double raw2 = raw(influx, "raw2_" + r, points, 2);
                String raw2Cpu = cpuSince(before, points);
                before = cpu();
                double sink = sink(influx, "sink_" + r, points);
                System.out.printf(
                        "round %d CPU: raw POST %s; raw POST x2 %s; sink %s (raw client CPU"
                                + " includes the untimed pre-encoding)%n",
                        r, rawCpu, raw2Cpu, cpuSince(before, points));
                results.add(new double[] {raw, raw2, sink});
                System.out.printf(
                        Locale.ROOT,
                        "round %d: raw POST %,.0f points/s, raw POST x2 %,.0f points/s, sink %,.0f "
                                + "points/s; sink/raw %.2f, sink/raw x2 %.2f%n",
                        r,
                        raw,
                        raw2,
                        sink,
                        sink / raw,
                        sink / raw2);
            }
            double[] sum = new double[3];
            for (double[] result : results) {
                for (int k = 0; k < 3; k++) {
                    sum[k] += result[k];
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "mean over %d rounds of %,d points: raw POST %,.0f points/s, raw POST x2 %,.0f "
                            + "points/s, sink %,.0f points/s; sink/raw %.2f, sink/raw x2 %.2f%n",
                    rounds,
                    points,
                    sum[0] / rounds,
                    sum[1] / rounds,
                    sum[2] / rounds,
                    sum[2] / sum[0],
                    sum[2] / sum[1]);
        } finally {
            influx.close();
        }
    }

    private static long influxdPid;

    /** CPU time (ms) used so far by this JVM and by influxd (from /proc; 0 where unavailable). */
    private static long[] cpu() {
        long jvm =
                ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getProcessCpuTime()
                        / 1_000_000;
        long server = 0;
        try {
            String[] stat = Files.readString(Path.of("/proc/" + influxdPid + "/stat")).split(" ");
            server =
                    (Long.parseLong(stat[13]) + Long.parseLong(stat[14]))
                            * 10; // clock ticks of 10 ms
        } catch (Exception e) {
            // not on Linux: report 0
        }
        return new long[] {jvm, server};
    }

    private static String cpuSince(long[] before, int points) {
        long[] now = cpu();
        return String.format(
                Locale.ROOT,
                "client %.2f µs/point, influxd %.2f µs/point",
                (now[0] - before[0]) * 1000.0 / points,
                (now[1] - before[1]) * 1000.0 / points);
    }

    /** The point of record {@code i}: 1,000 sensors × 8 pollutants, unique timestamps. */
    static InfluxPoint point(long i) {
        return InfluxPoint.measurement("air_quality_1m")
                .time(BASE + i, TimeUnit.MILLISECONDS)
                .tag("sensor", SENSORS[(int) (i % SENSORS.length)])
                .tag("pollutant", POLLUTANTS[(int) ((i / SENSORS.length) % POLLUTANTS.length)])
                .field("count", 6L)
                .field("max", 15.5 + (i % 7))
                .field("mean", 12.25 + (i % 100) / 8.0)
                .field("min", 10.0)
                .build();
    }

    private static final String[] SENSORS = new String[1_000];
    private static final String[] POLLUTANTS = {
        "no2", "no", "nox", "pm10", "pm25", "o3", "so2", "co"
    };

    static {
        for (int i = 0; i < SENSORS.length; i++) {
            SENSORS[i] = String.format(Locale.ROOT, "porto-aq-%04d", i);
        }
    }

    static final class Records implements PointConverter<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void convert(Long i, Consumer<InfluxPoint> out) {
            out.accept(point(i));
        }
    }

    private static double sink(InfluxDbExtension influx, String database, int points)
            throws Exception {
        influx.createDatabase(database);
        InfluxDbSink<Long> sink =
                InfluxDbSink.<Long>builder()
                        .url(influx.url())
                        .database(database)
                        .converter(new Records())
                        .build();
        try (InfluxDbSinkWriter<Long> writer = Writers.open(sink, new ManualTimeService())) {
            long start = System.nanoTime();
            for (long i = 0; i < points; i++) {
                writer.write(i, null);
            }
            writer.flush(true);
            long nanos = System.nanoTime() - start;
            check(influx, database, points, writer.metrics().pointsWritten.get());
            return points * 1e9 / nanos;
        }
    }

    /**
     * POSTs the pre-encoded batches with {@code threads} concurrent requests; wall time of the
     * POSTs only.
     */
    private static double raw(InfluxDbExtension influx, String database, int points, int threads)
            throws Exception {
        influx.createDatabase(database);
        HttpClient http = HttpClient.newHttpClient();
        URI write = URI.create(influx.url() + "/write?db=" + database + "&precision=ms");
        int batch = InfluxDbSinkOptions.DEFAULT_BATCH_POINTS;
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder lines = new StringBuilder(1 << 20);
        for (long from = 0; from < points; from += batch) {
            lines.setLength(0);
            for (long i = from; i < Math.min(points, from + batch); i++) {
                LineProtocol.append(point(i), TimeUnit.MILLISECONDS, lines);
            }
            bodies.add(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> error = new AtomicReference<>();
        Runnable poster =
                () -> {
                    try {
                        for (int b = next.getAndIncrement();
                                b < bodies.size();
                                b = next.getAndIncrement()) {
                            HttpResponse<String> response =
                                    http.send(
                                            HttpRequest.newBuilder(write)
                                                    .POST(
                                                            HttpRequest.BodyPublishers.ofByteArray(
                                                                    bodies.get(b)))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 204) {
                                throw new IllegalStateException(
                                        "raw POST failed: "
                                                + response.statusCode()
                                                + " "
                                                + response.body());
                            }
                        }
                    } catch (Exception e) {
                        error.compareAndSet(null, e);
                    }
                };
        long start = System.nanoTime();
        Thread[] posters = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            posters[t] = new Thread(poster, "raw-post-" + t);
            posters[t].start();
        }
        for (Thread t : posters) {
            t.join();
        }
        long nanos = System.nanoTime() - start;
        if (error.get() != null) {
            throw error.get();
        }
        check(influx, database, points, points);
        return points * 1e9 / nanos;
    }

    private static void check(InfluxDbExtension influx, String database, int points, long written) {
        long stored =
                ((Number)
                                influx.query(database, "SELECT count(mean) FROM air_quality_1m")
                                        .get(0)
                                        .get("count"))
                        .longValue();
        if (stored != points || written != points) {
            throw new IllegalStateException(
                    database
                            + ": stored "
                            + stored
                            + ", written "
                            + written
                            + ", expected "
                            + points);
        }
    }
}
