package io.invicta.jobs.io;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.cep.CepJob;
import io.invicta.jobs.mobility.MobilityJob;
import io.invicta.jobs.noise.NoiseJob;
import io.invicta.jobs.weather.WeatherJob;
import io.invicta.schemas.EventKind;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every catalogued event kind has its topic option, is read by a metrics job and by the rules job.
 */
class TopicOptionsTest {

    @Test
    void everyKindHasATopicOptionDefaultingToItsTopic() {
        for (EventKind<?> kind : EventKind.all()) {
            assertThat(TopicOptions.of(kind).key()).isEqualTo("topic." + kind.name());
            assertThat(TopicOptions.of(kind).defaultValue()).isEqualTo(kind.defaultTopic());
        }
    }

    @Test
    void everyKindIsReadByAMetricsJobAndByTheRulesJobWhichAcceptItsTopicOption() {
        Set<EventKind<?>> metrics = new HashSet<>();
        metrics.addAll(AirQualityJob.READS);
        metrics.addAll(NoiseJob.READS);
        metrics.addAll(WeatherJob.READS);
        metrics.addAll(MobilityJob.READS);
        assertThat(metrics).containsExactlyInAnyOrderElementsOf(EventKind.all());
        assertThat(CepJob.READS).containsExactlyElementsOf(EventKind.all());
        for (EventKind<?> kind : EventKind.all()) {
            assertThat(CepJob.OPTIONS.get(TopicOptions.of(kind).key())).isNotNull();
        }
    }
}
