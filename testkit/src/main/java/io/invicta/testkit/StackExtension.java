package io.invicta.testkit;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real parts a job's integration test runs on, for a test class: an in-JVM Kafka ({@link
 * #kafka()}), an {@code influxd} ({@link #influx()}) and a Flink MiniCluster (one task manager with
 * the given slots; its {@code @InjectMiniCluster} and {@code @InjectClusterClient} parameters
 * resolve as with Flink's own extension). Started in that order, stopped in reverse. Register it as
 * a static field with {@code @RegisterExtension}.
 */
public final class StackExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver {

    private final KafkaExtension kafka = new KafkaExtension();
    private final InfluxDbExtension influx = new InfluxDbExtension();
    private final MiniClusterExtension flink;

    private StackExtension(int slots, Configuration configuration) {
        this.flink =
                new MiniClusterExtension(
                        new MiniClusterResourceConfiguration.Builder()
                                .setNumberTaskManagers(1)
                                .setNumberSlotsPerTaskManager(slots)
                                .setConfiguration(configuration)
                                .build());
    }

    /** Kafka, influxd and a MiniCluster of one task manager with {@code slots} slots. */
    public static StackExtension withSlots(int slots) {
        return new StackExtension(slots, new Configuration());
    }

    /** The same, the MiniCluster configured by {@code configuration} (e.g. a metrics reporter). */
    public static StackExtension withSlots(int slots, Configuration configuration) {
        return new StackExtension(slots, configuration);
    }

    public KafkaExtension kafka() {
        return kafka;
    }

    public InfluxDbExtension influx() {
        return influx;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka.beforeAll(context);
        influx.beforeAll(context);
        flink.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            flink.afterAll(context);
        } finally {
            try {
                influx.afterAll(context);
            } finally {
                kafka.afterAll(context);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        flink.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        flink.afterEach(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return flink.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return flink.resolveParameter(parameter, context);
    }
}
