package io.invicta.sinks.influxdb;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sink's settings as immutable, validated values, and the converter's lifecycle in the writer.
 */
class SinkOptionValuesTest {

    @Test
    void eachValueRefusesWhatCannotWorkWhereItIsMade() {
        assertThatThrownBy(() -> new BatchOptions(0, 1 << 20, Duration.ofSeconds(1), 2))
                .hasMessageContaining("batchPoints must be at least 1");
        assertThatThrownBy(() -> new BatchOptions(10, 1 << 20, Duration.ofSeconds(1), 65))
                .hasMessageContaining("maxInFlight must be between 1 and 64");
        assertThatThrownBy(
                        () ->
                                new RetryOptions(
                                        Duration.ofSeconds(5),
                                        Duration.ofSeconds(1),
                                        Duration.ZERO))
                .hasMessageContaining(
                        "retryMaxBackoff (PT1S) must not be less than retryInitialBackoff (PT5S)");
        assertThatThrownBy(
                        () ->
                                new ConnectionOptions(
                                        "localhost:8086",
                                        "db",
                                        null,
                                        TimeUnit.MILLISECONDS,
                                        null,
                                        null,
                                        null,
                                        false,
                                        Duration.ofSeconds(1),
                                        Duration.ofSeconds(1)))
                .hasMessageContaining("url must be an http:// or https:// URL");
        assertThat(
                        new ConnectionOptions(
                                "http://h:8086/",
                                "db",
                                " ",
                                TimeUnit.SECONDS,
                                "",
                                null,
                                null,
                                false,
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(1)))
                .as("normalized")
                .isEqualTo(
                        new ConnectionOptions(
                                "http://h:8086",
                                "db",
                                null,
                                TimeUnit.SECONDS,
                                null,
                                null,
                                null,
                                false,
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(1)));
    }

    @Test
    void theWriterOpensTheConverterBeforeTheFirstRecordAndClosesItWithItself() throws Exception {
        LifecycleConverter converter = new LifecycleConverter();
        InfluxDbSink<InfluxPoint> sink =
                InfluxDbSink.<InfluxPoint>builder()
                        .url("http://127.0.0.1:1")
                        .database("db")
                        .converter(converter)
                        .build();

        InfluxDbSinkWriter<InfluxPoint> writer = Writers.open(sink, new ManualTimeService());
        assertThat(LifecycleConverter.events).containsExactly("open 0 metrics=true");
        writer.close();
        assertThat(LifecycleConverter.events).containsExactly("open 0 metrics=true", "close");
    }

    /**
     * Records its lifecycle in a static list: the sink serializes nothing here, but the writer
     * holds the instance.
     */
    private static final class LifecycleConverter implements PointConverter<InfluxPoint> {
        private static final long serialVersionUID = 1L;
        static final List<String> events = new ArrayList<>();

        LifecycleConverter() {
            events.clear();
        }

        @Override
        public void open(Context context) {
            events.add(
                    "open "
                            + context.subtaskIndex()
                            + " metrics="
                            + (context.metricGroup() != null));
        }

        @Override
        public void convert(InfluxPoint record, Consumer<InfluxPoint> out) {
            out.accept(record);
        }

        @Override
        public void close() {
            events.add("close");
        }
    }
}
