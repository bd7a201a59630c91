package io.invicta.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;

/**
 * A rule set as it travels on the compacted {@code rules} topic: one record per rule-set name (the
 * record key, e.g. {@code city}), the newest record being the rule set in force. The value is UTF-8
 * JSON:
 *
 * <pre>
 * {"format": 1, "name": "city", "version": 12,
 *  "files": [{"name": "air-quality.epl", "text": "// Air quality ...\n..."}, ...]}
 * </pre>
 *
 * {@code files} holds the rule modules' full text under their file names (no directories), in the
 * order they are compiled; {@code version} is the {@link RuleSet#version()} that alerts carry. The
 * text is sent, not compiled code: the receiver compiles it with {@link #compile()}, through the
 * same {@link Sandbox}, so a record written by anything but {@code scripts/rules deploy} gets no
 * further than a checked one. Unknown JSON fields are ignored (later formats may add some); a
 * different {@code format} number is refused.
 */
public record RuleSetMessage(String name, int version, List<RuleFile> files) {

    /** The format written by this class. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RuleSetMessage {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rule set needs a name");
        }
        files = List.copyOf(files);
    }

    /** The JSON value of the record. */
    public byte[] encode() {
        Wire wire =
                new Wire(
                        FORMAT,
                        name,
                        version,
                        files.stream().map(f -> new WireFile(f.name(), f.text())).toList());
        try {
            return JSON.writeValueAsBytes(wire);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode rule set " + name, e);
        }
    }

    /**
     * Reads a record value; {@link IllegalArgumentException} when it is not a rule set of a known
     * format.
     */
    public static RuleSetMessage decode(byte[] value) {
        Wire wire;
        try {
            wire = JSON.readValue(value, Wire.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a rule set message: " + e.getMessage(), e);
        }
        if (wire.format() != FORMAT) {
            throw new IllegalArgumentException(
                    "rule set message format "
                            + wire.format()
                            + " is not supported (expected "
                            + FORMAT
                            + ")");
        }
        if (wire.files() == null) {
            throw new IllegalArgumentException("rule set message without files");
        }
        return new RuleSetMessage(
                wire.name(),
                wire.version(),
                wire.files().stream().map(f -> new RuleFile(f.name(), f.text())).toList());
    }

    /** Checks and compiles the carried rule set, as {@link RuleSet#compile} does. */
    public RuleSet compile() throws RuleSetException {
        return RuleSet.compile(version, files);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Wire(
            @JsonProperty("format") int format,
            @JsonProperty("name") String name,
            @JsonProperty("version") int version,
            @JsonProperty("files") List<WireFile> files) {}

    private record WireFile(@JsonProperty("name") String name, @JsonProperty("text") String text) {}
}
