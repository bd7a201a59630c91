package io.invicta.sinks.influxdb;

import java.util.concurrent.TimeUnit;

/**
 * Encodes {@link InfluxPoint}s as InfluxDB line protocol straight into a caller's {@link
 * StringBuilder}.
 *
 * <p>Escaping (as InfluxDB 1.x parses it): in the measurement, comma and space get a backslash; in
 * tag keys, tag values and field keys, comma, equals sign and space do; in string field values,
 * double quote and backslash do (line breaks are fine inside the quotes). A name, key or tag value
 * is <em>rejected</em> (not rewritten) when line protocol cannot carry it faithfully, because
 * silently changing a tag value would merge or split series:
 *
 * <ul>
 *   <li>it contains a line feed or a carriage return (a line break ends the point; there is no
 *       escape);
 *   <li>it contains a backslash at its end, or before another backslash, a comma, an equals sign or
 *       a space (InfluxDB 1.x keeps backslashes literally but then misreads such sequences;
 *       measured on 1.6.7);
 *   <li>it is empty (an empty tag <em>value</em> is not an error: the builder drops such tags), or
 *       the measurement starts with {@code #} (the line would be a comment).
 * </ul>
 *
 * A field value that is NaN or ±Infinity is rejected too (line protocol has no such numbers).
 * Rejection means: the point is not sent, the sink counts and logs it and hands it to the {@link
 * RejectedPointHandler}; the other points go on.
 */
public final class LineProtocol {

    private LineProtocol() {}

    /**
     * Appends {@code point} and a trailing newline, with the timestamp converted to {@code
     * precision}.
     *
     * @return null when appended, else the reason of the rejection (then {@code out} is left as it
     *     was)
     */
    public static String append(InfluxPoint point, TimeUnit precision, StringBuilder out) {
        int start = out.length();
        String reason = encode(point, precision, out);
        if (reason != null) {
            out.setLength(start);
        }
        return reason;
    }

    /**
     * The line of one point without the newline, or an {@link IllegalArgumentException} with the
     * reason.
     */
    public static String encode(InfluxPoint point, TimeUnit precision) {
        StringBuilder sb = new StringBuilder(64);
        String reason = append(point, precision, sb);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static final int OK = 0;
    private static final int EMPTY = 1;
    private static final int LINE_BREAK = 2;
    private static final int BACKSLASH = 3;

    private static String encode(InfluxPoint p, TimeUnit precision, StringBuilder out) {
        String m = p.measurement();
        if (!m.isEmpty() && m.charAt(0) == '#') {
            return "measurement " + quote(m) + " starts with '#', which makes the line a comment";
        }
        int error = name(out, m, true);
        if (error != OK) {
            return problem("measurement", m, error);
        }
        for (int i = 0; i < p.tagCount(); i++) {
            out.append(',');
            if ((error = name(out, p.tagKey(i), false)) != OK) {
                return problem("tag key", p.tagKey(i), error);
            }
            out.append('=');
            if ((error = name(out, p.tagValue(i), false)) != OK) {
                return problem("value of tag " + quote(p.tagKey(i)), p.tagValue(i), error);
            }
        }
        for (int i = 0; i < p.fieldCount(); i++) {
            out.append(i == 0 ? ' ' : ',');
            if ((error = name(out, p.fieldKey(i), false)) != OK) {
                return problem("field key", p.fieldKey(i), error);
            }
            out.append('=');
            Object v = p.fieldValue(i);
            if (v instanceof Double) {
                double d = (Double) v;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return "field "
                            + quote(p.fieldKey(i))
                            + " is "
                            + d
                            + ", which InfluxDB cannot store";
                }
                out.append(d);
            } else if (v instanceof Long) {
                out.append((long) (Long) v).append('i');
            } else if (v instanceof Boolean) {
                out.append((boolean) (Boolean) v);
            } else {
                stringValue(out, (String) v);
            }
        }
        out.append(' ').append(precision.convert(p.time(), p.timeUnit())).append('\n');
        return null;
    }

    private static String problem(String what, String s, int error) {
        switch (error) {
            case EMPTY:
                return what + " is empty";
            case LINE_BREAK:
                return what
                        + " "
                        + quote(s)
                        + " contains a line break, which line protocol cannot represent";
            default:
                return what
                        + " "
                        + quote(s)
                        + " has a backslash at its end or before \\ , = or space, "
                        + "which InfluxDB 1.x line protocol cannot represent";
        }
    }

    private static int name(StringBuilder out, String s, boolean measurement) {
        int n = s.length();
        if (n == 0) {
            return EMPTY;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case ',':
                case ' ':
                    out.append('\\').append(c);
                    break;
                case '=':
                    if (!measurement) {
                        out.append('\\');
                    }
                    out.append('=');
                    break;
                case '\n':
                case '\r':
                    return LINE_BREAK;
                case '\\':
                    if (i == n - 1 || isSpecialAfterBackslash(s.charAt(i + 1))) {
                        return BACKSLASH;
                    }
                    out.append('\\');
                    break;
                default:
                    out.append(c);
            }
        }
        return OK;
    }

    private static boolean isSpecialAfterBackslash(char c) {
        return c == '\\' || c == ',' || c == '=' || c == ' ';
    }

    private static void stringValue(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static String quote(String s) {
        return '"' + printable(s) + '"';
    }

    /**
     * The string with control characters shown as Java escapes, so that a log message stays on one
     * line.
     */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(
                        c == '\n'
                                ? "\\n"
                                : c == '\r'
                                        ? "\\r"
                                        : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
