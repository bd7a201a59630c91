package io.invicta.jobs;

import io.invicta.jobs.config.JobOptions;
import io.invicta.jobs.io.Decoded;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.schemas.EventKind;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.util.List;

/**
 * The ceiling the city is measured against ({@code scripts/bench-city}, shape {@code ceiling}):
 * every sensor topic read once by the jobs' own Kafka sources, each record decoded, validated and
 * screened as the jobs do, then discarded. No windows, no state, no output: what this cluster and
 * broker allow before any of Invicta's work.
 */
public final class DecodeOnlyJob extends CityJob {

    public static final String NAME = "invicta-decode-only";

    /** Every event kind. */
    public static final List<EventKind<?>> READS = EventKind.all();

    public static final JobOptions OPTIONS = SharedOptions.EVERY_JOB.and(TopicOptions.of(READS));

    public DecodeOnlyJob(Inputs inputs, ReadableConfig config) {
        super(NAME, inputs, config);
    }

    @Override
    protected void topology(StreamExecutionEnvironment env) {
        for (EventKind<?> kind : inputs.kinds()) {
            discard(env, kind);
        }
    }

    private <T extends SpecificRecord> void discard(
            StreamExecutionEnvironment env, EventKind<T> kind) {
        String name = "decode-only-" + kind.defaultTopic();
        env.fromSource(inputs.of(kind), WatermarkStrategy.<Decoded<T>>noWatermarks(), name)
                .uid(name)
                .sinkTo(new DiscardingSink<>())
                .name(name + "-discard")
                .uid(name + "-discard");
    }

    public static final Factory FACTORY =
            new Factory(
                    OPTIONS,
                    config -> new DecodeOnlyJob(Inputs.kafka(config, NAME, READS), config));

    public static void main(String[] args) throws Exception {
        CityJob.run(args, FACTORY);
    }
}
