package io.invicta.jobs.common;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.cep.CepOptions;
import io.invicta.jobs.mobility.MobilityOptions;
import io.invicta.jobs.noise.NoiseJob;
import io.invicta.jobs.weather.WeatherJob;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every options file shipped in flink-conf/jobs/ parses, and names only options a job declares: a typo there
 * would otherwise be silently ignored and the default used.
 */
class ShippedJobConfigsTest {

    private static final List<Class<?>> OPTION_CLASSES = List.of(KafkaOptions.class, InfluxOptions.class,
            InfluxDbSinkOptions.class, EventTimeOptions.class, MetricsOptions.class, AirQualityJob.class,
            NoiseJob.class, WeatherJob.class, MobilityOptions.class, CepOptions.class);

    @Test
    void everyShippedJobConfigParsesAndUsesOnlyDeclaredOptions() throws Exception {
        Set<String> declared = new HashSet<>();
        for (Class<?> type : OPTION_CLASSES) {
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                    declared.add(((ConfigOption<?>) field.get(null)).key());
                }
            }
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("..", "flink-conf", "jobs"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("air-quality.yaml", "noise.yaml", "weather.yaml", "mobility.yaml", "cep.yaml");
        for (Path file : files) {
            Configuration config = JobArguments.parse(new String[]{"--config", file.toString()});
            assertThat(config.keySet()).as(file + " keys").isNotEmpty().allSatisfy(key ->
                    assertThat(declared).as(file + ": " + key).contains(key));
            // Typed reads fail on a malformed value.
            config.get(EventTimeOptions.MAX_OUT_OF_ORDERNESS);
            config.get(MetricsOptions.SHORT_WINDOW);
            config.get(MobilityOptions.FREE_FLOW_SPEEDS);
        }
    }
}
