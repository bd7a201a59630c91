package io.invicta.tools.grafana;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the dashboard checks read of an InfluxQL query: the measurement it reads ({@code FROM
 * "name"}) and the other names it quotes (tags and fields; aliases after {@code AS} left out).
 *
 * @param measurement null when the query has no {@code FROM "name"}
 */
record InfluxQl(String measurement, List<String> names) {

    private static final Pattern FROM = Pattern.compile("FROM \"([^\"]+)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(AS )?\"([^\"]+)\"");

    static InfluxQl parse(String query) {
        Matcher from = FROM.matcher(query);
        int measurementAt = from.find() ? from.start(1) - 1 : -1;
        List<String> names = new ArrayList<>();
        Matcher id = IDENTIFIER.matcher(query);
        while (id.find()) {
            if (id.group(1) == null && id.start() != measurementAt) {
                names.add(id.group(2));
            }
        }
        return new InfluxQl(measurementAt < 0 ? null : from.group(1), names);
    }
}
