package io.invicta.jobs;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CombinedCityTest {

    private static String[] args(String... jobs) {
        List<String> args = new ArrayList<>();
        for (String job : jobs) {
            if (!args.isEmpty()) {
                args.add("--");
            }
            args.add(job);
            args.add("--config");
            args.add(Path.of("..", "flink-conf", "jobs", job + ".yaml").toString());
        }
        return args.toArray(String[]::new);
    }

    @Test
    void theWholeCityBuildsAsOneJobGraphWithEachJobsUidsUnderItsKey() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CombinedCity.build(
                env,
                CombinedCity.segments(args("air-quality", "noise", "weather", "mobility", "cep")));
        StreamGraph graph = env.getStreamGraph();
        List<String> uids = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (node.getTransformationUID() != null) {
                uids.add(node.getTransformationUID());
            }
        }
        assertThat(uids).doesNotHaveDuplicates();
        assertThat(uids)
                .contains(
                        "air-quality/dead-letters",
                        "noise/dead-letters",
                        "weather/dead-letters",
                        "mobility/dead-letters",
                        "cep/alerts-kafka");
        assertThat(uids)
                .allMatch(
                        uid ->
                                uid.matches(
                                        "(Sink [A-Za-z]+:"
                                            + " )?(air-quality|noise|weather|mobility|cep)/.+"));
    }

    @Test
    void anUnknownJobIsRefusedWithTheKnownOnes() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(
                        () -> CombinedCity.build(env, CombinedCity.segments(args("parking-lots"))))
                .hasMessageContaining("unknown job 'parking-lots'")
                .hasMessageContaining("mobility");
    }
}
