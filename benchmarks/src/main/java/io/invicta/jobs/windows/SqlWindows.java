package io.invicta.jobs.windows;

import io.invicta.jobs.weather.WeatherMeasurer;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.WeatherObserved;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.Collector;

/**
 * The environment windows as Flink SQL windowing table-valued functions (TUMBLE), for {@link
 * EnvironmentWindowsBenchmark}: one row per reading (per pollutant, per weather variable, one per
 * noise observation), the same sensor and zone windows, blackhole sinks.
 */
final class SqlWindows {

    private SqlWindows() {}

    /** The same sensor and zone windows as Flink SQL windowing table-valued functions (TUMBLE). */
    static double run(EnvironmentWindowsBenchmark.Input input) throws Exception {
        StreamExecutionEnvironment env = EnvironmentWindowsBenchmark.env();
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        EnvironmentWindowsBenchmark.Observations o =
                EnvironmentWindowsBenchmark.Observations.of(env, input);
        ZoneResolver zones = ZoneResolver.geohash(6);
        DataStream<SqlRow> rows =
                o.aq().flatMap(
                                (AirQualityObserved a, Collector<SqlRow> out) ->
                                        airQuality(a, zones, out))
                        .returns(SqlRow.class)
                        .union(
                                o.noise()
                                        .flatMap(
                                                (NoiseLevelObserved n, Collector<SqlRow> out) ->
                                                        noise(n, zones, out))
                                        .returns(SqlRow.class),
                                o.weather()
                                        .flatMap(
                                                (WeatherObserved w, Collector<SqlRow> out) ->
                                                        weather(w, zones, out))
                                        .returns(SqlRow.class));
        tables.createTemporaryView(
                "readings",
                tables.fromDataStream(
                        rows,
                        Schema.newBuilder()
                                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                                .watermark("rowtime", "SOURCE_WATERMARK()")
                                .build()));
        tables.executeSql(
                "CREATE TEMPORARY TABLE sink_stats (scope_id STRING, variable STRING, window_start"
                        + " TIMESTAMP(3), n BIGINT, mean_value DOUBLE, min_value DOUBLE, max_value"
                        + " DOUBLE, total DOUBLE) WITH ('connector' = 'blackhole')");
        tables.executeSql(
                "CREATE TEMPORARY TABLE sink_directions (scope_id STRING, window_start"
                        + " TIMESTAMP(3), n BIGINT, mean_degrees DOUBLE) WITH ('connector' ="
                        + " 'blackhole')");
        tables.executeSql(
                "CREATE TEMPORARY TABLE sink_noise (scope_id STRING, window_start TIMESTAMP(3), n"
                        + " BIGINT, laeq DOUBLE, lamax DOUBLE) WITH ('connector' = 'blackhole')");
        StreamStatementSet statements = tables.createStatementSet();
        for (String scope : new String[] {"sensor", "zone"}) {
            for (String size : new String[] {"MINUTE", "HOUR"}) {
                String window =
                        " FROM TABLE(TUMBLE(TABLE readings, DESCRIPTOR(rowtime), INTERVAL '1' "
                                + size
                                + "))";
                statements.addInsertSql(
                        "INSERT INTO sink_stats SELECT "
                                + scope
                                + ", variable, window_start, COUNT(*), "
                                + "AVG(v), MIN(v), MAX(v), SUM(v)"
                                + window
                                + " WHERE family <> 'noise' AND variable <> 'windDirection'"
                                + " GROUP BY "
                                + scope
                                + ", variable, window_start, window_end");
                statements.addInsertSql(
                        "INSERT INTO sink_directions SELECT "
                                + scope
                                + ", window_start, COUNT(*), "
                                + "DEGREES(ATAN2(SUM(SIN(RADIANS(v))), SUM(COS(RADIANS(v)))))"
                                + window
                                + " WHERE variable = 'windDirection' GROUP BY "
                                + scope
                                + ", window_start, window_end");
                statements.addInsertSql(
                        "INSERT INTO sink_noise SELECT "
                                + scope
                                + ", window_start, COUNT(*), "
                                + "10 * LOG10(SUM(v) / SUM(w)), MAX(m)"
                                + window
                                + " WHERE family = 'noise' GROUP BY "
                                + scope
                                + ", window_start, window_end");
            }
        }
        statements.attachAsDataStream();
        return EnvironmentWindowsBenchmark.execute(env, "benchmark-sql");
    }

    static void airQuality(AirQualityObserved a, ZoneResolver zones, Collector<SqlRow> out) {
        String zone = zones.zoneOf(a.getZone(), a.getLocation().getLat(), a.getLocation().getLon());
        Double[] values = {
            a.getNo2(),
            a.getNo(),
            a.getNox(),
            a.getPm10(),
            a.getPm25(),
            a.getO3(),
            a.getSo2(),
            a.getCo()
        };
        String[] names = {"no2", "no", "nox", "pm10", "pm25", "o3", "so2", "co"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isNaN()) {
                out.collect(new SqlRow(a.getId(), zone, "aq", names[i], values[i], 0, 0));
            }
        }
    }

    static void noise(NoiseLevelObserved n, ZoneResolver zones, Collector<SqlRow> out) {
        if (n.getLAeq() == null) {
            return;
        }
        String zone = zones.zoneOf(n.getZone(), n.getLocation().getLat(), n.getLocation().getLon());
        double seconds =
                Math.max(
                        1,
                        (n.getDateObserved().toEpochMilli()
                                        - n.getDateObservedFrom().toEpochMilli())
                                / 1000.0);
        out.collect(
                new SqlRow(
                        n.getId(),
                        zone,
                        "noise",
                        "laeq",
                        Math.pow(10, n.getLAeq() / 10) * seconds,
                        seconds,
                        n.getLAmax() == null ? Double.NaN : n.getLAmax()));
    }

    static void weather(WeatherObserved w, ZoneResolver zones, Collector<SqlRow> out) {
        String zone = zones.zoneOf(w.getZone(), w.getLocation().getLat(), w.getLocation().getLon());
        Double[] values = {
            w.getTemperature(),
            w.getRelativeHumidity(),
            w.getAtmosphericPressure(),
            w.getWindSpeed(),
            w.getPrecipitation()
        };
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isNaN()) {
                out.collect(
                        new SqlRow(
                                w.getId(),
                                zone,
                                "weather",
                                WeatherMeasurer.VARIABLES[i],
                                values[i],
                                0,
                                0));
            }
        }
        if (w.getWindDirection() != null && (w.getWindSpeed() == null || w.getWindSpeed() != 0.0)) {
            out.collect(
                    new SqlRow(
                            w.getId(),
                            zone,
                            "weather",
                            WeatherMeasurer.WIND_DIRECTION,
                            w.getWindDirection(),
                            0,
                            0));
        }
    }

    /**
     * A reading as SQL sees it: noise has its duration-weighted energy in v, seconds in w, LAmax in
     * m.
     */
    public static class SqlRow {
        public String sensor;
        public String zone;
        public String family;
        public String variable;
        public double v;
        public double w;
        public double m;

        public SqlRow() {}

        SqlRow(
                String sensor,
                String zone,
                String family,
                String variable,
                double v,
                double w,
                double m) {
            this.sensor = sensor;
            this.zone = zone;
            this.family = family;
            this.variable = variable;
            this.v = v;
            this.w = w;
            this.m = m;
        }
    }
}
