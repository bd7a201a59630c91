package io.invicta.tools.city;

import io.invicta.schemas.Alert;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import io.invicta.tools.kafka.WholeTopic;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Compares the committed alerts of two topics, as the upgrade and rescale drill needs: both are
 * read {@code read_committed} from the start to their end, and every alert (identified by its id:
 * rule, partition key and event time) must be in the other topic as often and equal in every field.
 * Prints how many alerts are missing, extra (duplicates included) or different, and exits 0 only
 * when there are none and the expected topic is not empty.
 */
@Command(
        name = "compare-alerts",
        mixinStandardHelpOptions = true,
        description = "Compare the committed alerts of two topics (each alert once, equal).")
public final class CompareAlerts implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092", description = "Kafka.")
    String bootstrapServers;

    @Option(names = "--expected", required = true, description = "The reference alerts topic.")
    String expected;

    @Option(names = "--actual", required = true, description = "The alerts topic to check.")
    String actual;

    @Option(
            names = "--after",
            description =
                    "Compare only the alerts of event times after this instant (epoch ms): those"
                            + " of a rule set reloaded then.")
    long after = Long.MIN_VALUE;

    @Option(
            names = "--show",
            defaultValue = "10",
            description = "How many differences to print (default ${DEFAULT-VALUE}).")
    int show;

    @Override
    public Integer call() {
        Map<String, List<String>> want = read(expected);
        Map<String, List<String>> got = read(actual);
        List<String> examples = new ArrayList<>();
        ComparePoints.Counts c = compare(want, got, examples);
        examples.stream().limit(show).forEach(System.out::println);
        System.out.printf(
                "%s: %d alerts expected (%s), %d read (%s); %d missing, %d extra, %d different%n",
                c.same() ? "SAME" : "DIFFERENT",
                c.expected(),
                expected,
                c.actual(),
                actual,
                c.missing(),
                c.extra(),
                c.different());
        if (c.expected() == 0) {
            System.out.println("nothing to compare: " + expected + " holds no committed alert");
            return 1;
        }
        return c.same() ? 0 : 1;
    }

    /**
     * Per alert id, the alerts as read (their full text), each copy once: a duplicate is extra, an
     * alert with the same id but another field is different.
     */
    static ComparePoints.Counts compare(
            Map<String, List<String>> want, Map<String, List<String>> got, List<String> out) {
        long missing = 0;
        long extra = 0;
        long different = 0;
        long expectedCount = 0;
        long actualCount = 0;
        for (List<String> copies : got.values()) {
            actualCount += copies.size();
        }
        for (Map.Entry<String, List<String>> e : want.entrySet()) {
            List<String> mine = e.getValue();
            List<String> theirs = new ArrayList<>(got.getOrDefault(e.getKey(), List.of()));
            expectedCount += mine.size();
            for (String alert : mine) {
                if (theirs.remove(alert)) {
                    continue;
                }
                if (theirs.isEmpty()) {
                    missing++;
                    out.add("missing   " + alert);
                } else {
                    different++;
                    out.add("different " + alert + " got " + theirs.remove(0));
                }
            }
            extra += theirs.size();
            theirs.forEach(a -> out.add("extra     " + a));
        }
        for (Map.Entry<String, List<String>> e : got.entrySet()) {
            if (!want.containsKey(e.getKey())) {
                extra += e.getValue().size();
                e.getValue().forEach(a -> out.add("extra     " + a));
            }
        }
        return new ComparePoints.Counts(expectedCount, actualCount, missing, extra, different);
    }

    /** Every committed alert of the topic, by id. */
    private Map<String, List<String>> read(String topic) {
        AvroCodec<Alert> codec = Codecs.forType(Alert.class);
        Map<String, List<String>> alerts = new TreeMap<>();
        WholeTopic.read(
                bootstrapServers,
                topic,
                true,
                r -> {
                    if (!(codec.decode(r.value()) instanceof DecodeResult.Success<Alert> ok)) {
                        throw new IllegalStateException(
                                topic + "-" + r.partition() + "@" + r.offset() + " is no alert");
                    }
                    Alert alert = ok.value();
                    if (alert.getEventTime().toEpochMilli() > after) {
                        alerts.computeIfAbsent(alert.getId(), id -> new ArrayList<>())
                                .add(alert.toString());
                    }
                });
        return alerts;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CompareAlerts()).execute(args));
    }
}
