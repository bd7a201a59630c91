package io.invicta.jobs;

import io.invicta.jobs.config.JobArguments;
import io.invicta.jobs.config.JobOptions;
import io.invicta.jobs.io.InfluxSinks;
import io.invicta.jobs.io.Inputs;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.function.Function;

/**
 * The shape of every Invicta job: its inputs (a source per event kind, {@link Inputs}) and its
 * outputs (sinks) are given to it, {@link #build} adds the whole topology, sources to sinks, to an
 * environment, and {@link #run} is the whole of a job's {@code main}: arguments checked against the
 * options the job declares, Kafka and InfluxDB plugged in, the job executed. Tests build the same
 * topology on other sources and sinks.
 */
public abstract class CityJob {

    protected final Inputs inputs;
    protected final ReadableConfig config;
    private final String name;

    /**
     * @param name the job's name on the cluster, also its default Kafka consumer group
     */
    protected CityJob(String name, Inputs inputs, ReadableConfig config) {
        this.name = name;
        this.inputs = inputs;
        this.config = config;
    }

    /** The job's name on the cluster, also its default Kafka consumer group. */
    public final String name() {
        return name;
    }

    /** Adds the operators, from the inputs' sources to the outputs' sinks. */
    protected abstract void topology(StreamExecutionEnvironment env);

    /**
     * Adds the job to {@code env}. Object reuse is on for every job: no operator keeps or changes a
     * record after passing it on (results are fresh objects; operators that keep records receive
     * them over the network), so chained operators need not copy each record, which for Avro
     * records is a deep copy that cost more than the windows themselves.
     */
    public final void build(StreamExecutionEnvironment env) {
        env.getConfig().enableObjectReuse();
        topology(env);
    }

    /** How a job is made: the options it accepts, and the job from a configuration of them. */
    public record Factory(JobOptions options, Function<Configuration, CityJob> make) {

        /** The job from {@code --config FILE} and {@code --key value} arguments. */
        public CityJob fromArguments(String[] args) {
            return make.apply(JobArguments.parse(args, options));
        }

        /** Whether the job writes to InfluxDB (it accepts the sink's options). */
        boolean writesToInfluxDb() {
            return options.all().contains(InfluxDbSinkOptions.DATABASE);
        }
    }

    /**
     * A job's {@code main}: parses {@code --config FILE} and {@code --key value} arguments,
     * refusing a key the job does not declare, makes the job from the configuration (production
     * inputs and outputs), checks that its InfluxDB target can be written (a setting that no retry
     * can fix fails here, naming it) and executes it.
     */
    public static void run(String[] args, Factory factory) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CityJob city = factory.fromArguments(args);
        if (factory.writesToInfluxDb()) {
            InfluxSinks.verifyTarget(city.config);
        }
        city.build(env);
        env.execute(city.name());
    }
}
