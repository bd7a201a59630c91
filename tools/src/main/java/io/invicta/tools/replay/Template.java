package io.invicta.tools.replay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string with {@code ${name}} placeholders, compiled once per mapping and rendered per row.
 *
 * <p>A placeholder names a column of the row, an expansion variable or a join column, quoted when
 * the name holds other characters than letters, digits, {@code _ . -} and spaces ({@code
 * ${'ayto:temperature'}}); it may add or subtract a constant ({@code ${n-1}}) and zero-pad to a
 * width ({@code ${ESTACION:03}}, {@code ${n-1:02}}); both need an integer value. Arithmetic between
 * values is the job of a field's {@code expr} ({@link Expression}).
 */
final class Template {

    private static final Pattern PLACEHOLDER =
            Pattern.compile(
                    "\\$\\{(?:'([^']+)'|([A-Za-z_][A-Za-z0-9_.\\-"
                            + " ]*?))(?:([+-])(\\d+))?(?::0?(\\d+))?}");

    /** Where placeholder values come from. */
    interface Values {
        /** The value of a name, or null when the row has no such name. */
        String get(String name);
    }

    private final String source;
    private final List<Object> parts; // String literals and Placeholder

    private record Placeholder(String name, int delta, int width) {}

    private Template(String source, List<Object> parts) {
        this.source = source;
        this.parts = parts;
    }

    static Template compile(String source) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(source.substring(at, m.start()));
            }
            int delta =
                    m.group(3) == null
                            ? 0
                            : Integer.parseInt(m.group(4)) * (m.group(3).equals("-") ? -1 : 1);
            int width = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            parts.add(new Placeholder(name, delta, width));
            at = m.end();
        }
        if (at < source.length()) {
            parts.add(source.substring(at));
        }
        String rest =
                String.join(
                        "",
                        parts.stream()
                                .filter(String.class::isInstance)
                                .map(String.class::cast)
                                .toList());
        if (rest.contains("${")) {
            throw new IllegalArgumentException(
                    "Malformed placeholder in template '"
                            + source
                            + "': use ${name}, ${'name'}, ${name+k}, ${name-k}, ${name:width}");
        }
        return new Template(source, parts);
    }

    /** The names its placeholders read. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                names.add(p.name());
            }
        }
        return names;
    }

    /** The text when the template has no placeholder, else null. */
    String literal() {
        return parts.size() == 1 && parts.get(0) instanceof String literal
                ? literal
                : parts.isEmpty() ? "" : null;
    }

    /**
     * Renders the template; throws {@link RowRejectedException} when a name is missing or not an
     * integer.
     */
    String render(Values values) {
        if (parts.size() == 1 && parts.get(0) instanceof String literal) {
            return literal;
        }
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String literal) {
                out.append(literal);
                continue;
            }
            Placeholder p = (Placeholder) part;
            String value = values.get(p.name());
            if (value == null) {
                throw new RowRejectedException(
                        "missing-column", "no column or variable '" + p.name() + "'");
            }
            if (p.delta() == 0 && p.width() == 0) {
                out.append(value);
                continue;
            }
            long number;
            try {
                number = Long.parseLong(value.strip()) + p.delta();
            } catch (NumberFormatException e) {
                throw new RowRejectedException(
                        "not-an-integer", "'" + p.name() + "' is '" + value + "', not an integer");
            }
            String digits = Long.toString(Math.abs(number));
            if (number < 0) {
                out.append('-');
            }
            for (int i = digits.length(); i < p.width(); i++) {
                out.append('0');
            }
            out.append(digits);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
