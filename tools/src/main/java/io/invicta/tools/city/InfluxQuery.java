package io.invicta.tools.city;

import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.util.ArrayList;
import java.util.List;

/** InfluxQL queries the city tools share: rows of a query, measurements, tag keys. */
public final class InfluxQuery {

    private InfluxQuery() {}

    /** The rows of every series of a query's answer; an error in the answer throws. */
    public static List<List<Object>> rows(InfluxDB influx, String db, String q) {
        List<List<Object>> rows = new ArrayList<>();
        QueryResult result = influx.query(new Query(q, db));
        if (result.getError() != null) {
            throw new IllegalStateException(db + ": " + q + ": " + result.getError());
        }
        for (QueryResult.Result r : result.getResults()) {
            if (r.getError() != null) {
                throw new IllegalStateException(db + ": " + q + ": " + r.getError());
            }
            if (r.getSeries() != null) {
                r.getSeries().forEach(s -> rows.addAll(s.getValues()));
            }
        }
        return rows;
    }

    public static List<String> measurements(InfluxDB influx, String db) {
        List<String> names = new ArrayList<>();
        for (List<Object> row : rows(influx, db, "SHOW MEASUREMENTS")) {
            names.add(String.valueOf(row.get(0)));
        }
        return names;
    }

    public static List<String> tagKeys(InfluxDB influx, String db, String measurement) {
        List<String> keys = new ArrayList<>();
        for (List<Object> row : rows(influx, db, "SHOW TAG KEYS FROM \"" + measurement + "\"")) {
            keys.add(String.valueOf(row.get(0)));
        }
        return keys;
    }
}
