package io.invicta.jobs;

import io.invicta.jobs.config.JobOptions;
import io.invicta.jobs.config.MetricsOptions;
import io.invicta.jobs.io.AnomalyOptions;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.io.ValidationOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.jobs.zones.ZoneOptions;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;

import java.util.List;

/** The options jobs share; each job adds its own and the topics of the event kinds it reads. */
public final class SharedOptions {

    /**
     * Every job: Kafka, InfluxDB, event time, input validation, zones, and the topics of its
     * rejects.
     */
    public static final JobOptions EVERY_JOB =
            JobOptions.of(
                            KafkaOptions.class,
                            InfluxDbSinkOptions.class,
                            EventTimeOptions.class,
                            ValidationOptions.class,
                            AnomalyOptions.class,
                            ZoneOptions.class)
                    .and(AnomalyOptions.POLICIES)
                    .and(List.of(TopicOptions.DEAD_LETTER, TopicOptions.LATE_EVENTS));

    /** Every metrics job: the shared options and the windows and time zone. */
    public static final JobOptions METRICS_JOBS = EVERY_JOB.and(MetricsOptions.class);

    private SharedOptions() {}
}
