package io.invicta.tools.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * The side file of injected anomalies: JSON Lines, one object per injected anomaly with {@code
 * type}, {@code topic}, {@code entityIds}, {@code zone}, {@code start} and {@code end} (ISO
 * instants, event time) and {@code details}. Rate anomalies (out-of-order, late, duplicate,
 * corrupt) get one line per affected record, written as it happens; window anomalies one line each
 * when the run ends (with the number of affected events). Without a file, nothing is written (the
 * counts still reach the summary).
 */
final class GroundTruth implements Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Writer out;

    GroundTruth(Writer out) {
        this.out = out == null ? null : new BufferedWriter(out, 1 << 16);
    }

    boolean enabled() {
        return out != null;
    }

    /**
     * Starts the line of a record-level anomaly; the caller fills {@code details} and passes it to
     * {@link #emit}. Returns null when there is no file.
     */
    ObjectNode record(Anomaly a, EntityTable table, int i, String zone, long eventTime) {
        if (out == null) {
            return null;
        }
        ObjectNode line = header(a, table.type);
        line.putArray("entityIds").add(table.ids[i]);
        line.put("zone", zone);
        line.put("start", Instant.ofEpochMilli(eventTime).toString());
        line.put("end", Instant.ofEpochMilli(eventTime).toString());
        line.putObject("details");
        return line;
    }

    private static ObjectNode header(Anomaly a, EventType type) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("type", a.kind.cliName());
        line.put("topic", type.topic());
        return line;
    }

    /** A window anomaly, written at the end of the run. */
    void window(Anomaly a, EntityTable table, long streamEnd) {
        if (out == null) {
            return;
        }
        ObjectNode line = header(a, table.type);
        ArrayNode ids = line.putArray("entityIds");
        if (a.entity >= 0) {
            ids.add(table.ids[a.entity]);
            line.put("zone", PortoZones.NAMES[table.zones[a.entity]]);
        } else {
            for (int i = 0; i < table.size; i++) {
                if (table.zones[i] == a.zone) {
                    ids.add(table.ids[i]);
                }
            }
            line.put("zone", PortoZones.NAMES[a.zone]);
        }
        line.put("start", Instant.ofEpochMilli(a.start).toString());
        line.put("end", Instant.ofEpochMilli(a.end).toString());
        ObjectNode d = line.putObject("details");
        d.put("affectedEvents", a.affected);
        if (a.affected > 0) {
            d.put("firstAffected", Instant.ofEpochMilli(a.firstAffected).toString());
            d.put("lastAffected", Instant.ofEpochMilli(a.lastAffected).toString());
        }
        d.put("streamEndedBeforeWindowEnd", streamEnd < a.end);
        switch (a.kind) {
            case POLLUTION_EPISODE -> {
                d.put("no2AddedUgM3", a.no2Added);
                d.put("pm10AddedUgM3", a.pm10Added);
                d.put("pm25AddedUgM3", a.pm10Added * 0.6);
            }
            case CONGESTION -> {
                d.put("speedFactor", a.speedFactor);
                d.put("occupancyAdded", a.occupancyAdded);
                d.put("intensityFactor", a.intensityFactor);
                d.put("congested", true);
            }
            case SILENT -> d.put("suppressedEvents", a.affected);
            case STUCK -> d.put("valuesFrozenAt", Instant.ofEpochMilli(a.start).toString());
            default -> {}
        }
        emit(line);
    }

    void emit(ObjectNode line) {
        try {
            out.write(MAPPER.writeValueAsString(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ground truth", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
