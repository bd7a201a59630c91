package io.invicta.jobs.cep;

import io.invicta.jobs.io.Inputs;
import io.invicta.rules.RuleFile;
import io.invicta.schemas.EventKind;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules job's graph as main wires it: uids, one operator per partition in use, city-wide at
 * parallelism 1.
 */
class CepJobTopologyTest {

    private static final String CITY_MODULE =
            """
            module city;
            @Name('city-wide-no2')
            @Description('city-wide hourly mean NO2 above 60')
            @Tag(name='severity', value='INFO')
            @Tag(name='partition', value='city')
            @Tag(name='message', value='city NO2 {no2}')
            select avg(no2) as no2 from AirQualityObserved#time(1 hour) having avg(no2) > 60;
            """;

    private static Collection<StreamNode> graph(List<RuleFile> rules) throws Exception {
        Configuration config = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        new CepJob(
                        Inputs.kafka(config, "g", List.of(EventKind.AIR_QUALITY, EventKind.NOISE)),
                        RuleSetUpdate.of(1, rules),
                        null,
                        CepJob.Outputs.of(config),
                        config)
                .build(env);
        return env.getStreamGraph().getStreamNodes();
    }

    @Test
    void theShippedRulesGetOneOperatorPerPartitionTheyUseWithStableUids() throws Exception {
        Collection<StreamNode> nodes = graph(RuleFile.readAll(List.of(Path.of("..", "cep-rules"))));
        assertThat(nodes)
                .extracting(StreamNode::getTransformationUID)
                .contains(
                        "cep-source-AirQualityObserved",
                        "cep-decode-AirQualityObserved",
                        "cep-rules-packaged",
                        "cep-zone",
                        "cep-sensor",
                        "cep-vehicle",
                        "cep-route-zone")
                .doesNotContain("cep-city");
        assertThat(nodes)
                .filteredOn(n -> n.getTransformationUID() != null)
                .extracting(StreamNode::getTransformationUID)
                .doesNotHaveDuplicates();
    }

    @Test
    void cityWideRulesRunAtParallelismOne() throws Exception {
        Collection<StreamNode> nodes = graph(List.of(new RuleFile("city.epl", CITY_MODULE)));
        StreamNode city =
                nodes.stream()
                        .filter(n -> "cep-city".equals(n.getTransformationUID()))
                        .findFirst()
                        .orElseThrow();
        assertThat(city.getParallelism()).isEqualTo(1);
        assertThat(city.getMaxParallelism()).isEqualTo(1);
        assertThat(nodes)
                .extracting(StreamNode::getTransformationUID)
                .doesNotContain("cep-zone", "cep-sensor");
    }

    @Test
    void aReloadHistoryIsRefusedWhenNegativeOrWithoutHotReload() {
        Configuration config = new Configuration();
        config.set(CepOptions.RELOAD_HISTORY, Duration.ofHours(1));
        assertThat(CepJob.reloadHistory(config, true)).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> CepJob.reloadHistory(config, false))
                .hasMessageContaining("cep.reload-history")
                .hasMessageContaining("cep.rules-topic");
        config.set(CepOptions.RELOAD_HISTORY, Duration.ofMinutes(-1));
        assertThatThrownBy(() -> CepJob.reloadHistory(config, true))
                .hasMessageContaining("cep.reload-history must not be negative");
        assertThat(CepJob.reloadHistory(new Configuration(), false)).isZero();
    }
}
