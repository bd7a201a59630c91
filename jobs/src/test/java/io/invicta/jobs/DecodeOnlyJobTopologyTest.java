package io.invicta.jobs;

import io.invicta.jobs.io.Inputs;
import io.invicta.schemas.EventKind;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ceiling job as main wires it: every sensor topic read once, nothing kept, nothing written.
 */
class DecodeOnlyJobTopologyTest {

    @Test
    void everyKindIsReadOnceAndDiscardedWithoutStateOrOutput() {
        Configuration config = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new DecodeOnlyJob(Inputs.kafka(config, "g", DecodeOnlyJob.READS), config).build(env);
        Collection<StreamNode> nodes = env.getStreamGraph().getStreamNodes();

        assertThat(nodes)
                .extracting(StreamNode::getTransformationUID)
                .doesNotContainNull()
                .doesNotHaveDuplicates()
                .containsAll(
                        EventKind.all().stream()
                                .map(k -> "decode-only-" + k.defaultTopic())
                                .toList());
        assertThat(nodes.stream().filter(n -> n.getOperatorName().startsWith("Source:")))
                .hasSize(EventKind.all().size());
        // Nothing keyed, so no state but the sources' offsets.
        assertThat(nodes).allSatisfy(n -> assertThat(n.getStatePartitioners()).isEmpty());
        assertThat(nodes)
                .filteredOn(n -> !n.getOperatorName().startsWith("Source:"))
                .allSatisfy(n -> assertThat(n.getOperatorName()).contains("discard"));
    }
}
