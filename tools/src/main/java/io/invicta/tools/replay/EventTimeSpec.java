package io.invicta.tools.replay;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Set;

/**
 * Event time of a mapped event: a rendered template parsed by format, plus step × expansion index.
 *
 * <p>Local times are resolved strictly in the mapping's zone: a local time that does not exist (the
 * hour skipped when clocks go forward) is rejected rather than silently moved; an ambiguous one
 * (the hour repeated when clocks go back) takes the earlier offset, i.e. the first occurrence.
 */
final class EventTimeSpec {

    private final Template template;

    /**
     * {@code iso-local}: an ISO local date-time, {@code T} or a space between date and time,
     * seconds optional and a fraction of 0 to 9 digits ("2023-05-04 12:00:17.65" and "…04.145"
     * alike).
     */
    private static final DateTimeFormatter ISO_LOCAL_LENIENT =
            new DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart()
                    .appendLiteral('T')
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .append(DateTimeFormatter.ISO_LOCAL_TIME)
                    .toFormatter();

    private final String format;
    private final DateTimeFormatter pattern;
    private final ZoneId zone;
    private final long stepMillis;
    private final long shiftMillis;
    private final long intervalMillis;

    EventTimeSpec(MappingSpec.TimeSpec spec) {
        if (spec == null || spec.template() == null || spec.format() == null) {
            throw new IllegalArgumentException("time: needs 'template' and 'format'");
        }
        this.template = Template.compile(spec.template());
        this.format = spec.format();
        this.stepMillis = spec.step() == null ? 0 : duration(spec.step(), "time.step");
        this.shiftMillis = spec.shift() == null ? 0 : duration(spec.shift(), "time.shift");
        this.intervalMillis =
                spec.interval() == null ? 0 : duration(spec.interval(), "time.interval");
        if (spec.interval() != null && intervalMillis <= 0) {
            throw new IllegalArgumentException(
                    "time.interval '" + spec.interval() + "' must be a positive duration");
        }
        switch (format) {
            case "epoch-seconds", "epoch-millis", "iso-instant" -> {
                this.pattern = null;
                this.zone = null;
            }
            default -> {
                try {
                    this.pattern =
                            format.equals("iso-local")
                                    ? ISO_LOCAL_LENIENT
                                    : DateTimeFormatter.ofPattern(format);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "time.format '"
                                    + format
                                    + "' is not a date-time pattern: "
                                    + e.getMessage());
                }
                if (spec.zone() == null) {
                    throw new IllegalArgumentException(
                            "time.zone is required with a local date-time pattern "
                                    + "(e.g. Europe/Lisbon, or UTC)");
                }
                this.zone = ZoneId.of(spec.zone());
            }
        }
    }

    private static long duration(String text, String key) {
        try {
            return Duration.parse(text).toMillis();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    key + " '" + text + "' is not an ISO-8601 duration such as PT15S or -PT1H");
        }
    }

    /** The length of the interval an observation covers, ending at its event time; 0: none. */
    long intervalMillis() {
        return intervalMillis;
    }

    /** The names the time template reads. */
    Set<String> names() {
        return template.names();
    }

    long eventTime(Template.Values values, int index) {
        String text = template.render(values).strip();
        return parse(text) + shiftMillis + stepMillis * index;
    }

    private long parse(String text) {
        try {
            return switch (format) {
                case "epoch-seconds" -> Math.multiplyExact(Long.parseLong(text), 1000L);
                case "epoch-millis" -> Long.parseLong(text);
                case "iso-instant" -> OffsetDateTime.parse(text).toInstant().toEpochMilli();
                default -> local(text);
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new RowRejectedException(
                    "bad-time", "'" + text + "' does not match time format '" + format + "'");
        }
    }

    private long local(String text) {
        TemporalAccessor parsed = pattern.parse(text);
        LocalDateTime local;
        try {
            local = LocalDateTime.from(parsed);
        } catch (DateTimeException e) {
            local = LocalDate.from(parsed).atStartOfDay();
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new RowRejectedException(
                    "nonexistent-local-time",
                    local + " does not exist in " + zone + " (clocks moved forward)");
        }
        return local.toInstant(offsets.get(0)).toEpochMilli();
    }

    @Override
    public String toString() {
        return template
                + " as "
                + format
                + (zone == null ? "" : " in " + zone)
                + (shiftMillis == 0 ? "" : " shifted by " + shiftMillis + " ms")
                + (stepMillis == 0 ? "" : " + " + stepMillis + " ms × index")
                + (intervalMillis == 0 ? "" : ", covering the " + intervalMillis + " ms before");
    }
}
