package io.invicta.sinks.influxdb;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The sink's per-point work: encoding an hourly air-quality point (three tags, the shape the jobs
 * write most) as line protocol into a reused buffer, with every escaping check; and building the
 * point, which the jobs' converters do once per window.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LineProtocolBenchmark {

    private static final int POINTS = 1_024;

    private InfluxPoint[] points;
    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private int next;

    @Setup
    public void setUp() {
        points = new InfluxPoint[POINTS];
        for (int i = 0; i < POINTS; i++) {
            points[i] = point(i);
        }
    }

    private static InfluxPoint point(int i) {
        return InfluxPoint.measurement("air_quality_1h")
                .tag("sensor", "urn:ngsi-ld:AirQualityObserved:porto-" + i)
                .tag("zone", "Cedofeita, Santo Ildefonso, Sé")
                .tag("pollutant", "no2")
                .field("mean", 41.27 + i)
                .field("min", 12.5)
                .field("max", 88.25)
                .field("count", 60L)
                .time(1_714_550_400_000L + i * 3_600_000L, TimeUnit.MILLISECONDS)
                .build();
    }

    @Benchmark
    public int encode() {
        if (buffer.length() > (1 << 15)) {
            buffer.setLength(0);
        }
        String reason =
                LineProtocol.append(points[next++ & (POINTS - 1)], TimeUnit.SECONDS, buffer);
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        return buffer.length();
    }

    @Benchmark
    public InfluxPoint build() {
        return point(next++ & (POINTS - 1));
    }
}
