package io.invicta.jobs;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.cep.CepJob;
import io.invicta.jobs.mobility.MobilityJob;
import io.invicta.jobs.noise.NoiseJob;
import io.invicta.jobs.weather.WeatherJob;

import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The city as one Flink job instead of a job per family member: the jobs' topologies side by side
 * in one environment (one job graph, one checkpoint, slot sharing across all of them). It is the
 * alternative docs/CITY.md measures the set of jobs against; the product deploys the set.
 *
 * <p>Arguments: a segment per job, separated by {@code --}: the job's key ({@code air-quality},
 * {@code noise}, {@code weather}, {@code mobility}, {@code cep}) and its own arguments ({@code
 * --config FILE --key value ...}, as its own {@code main} takes them). Every operator uid is
 * prefixed with {@code <key>/}, since the jobs use the same uids for the same roles (the dead
 * letters, for one).
 */
public final class CombinedCity {

    static final Map<String, CityJob.Factory> JOBS =
            Map.of(
                    "air-quality", AirQualityJob.FACTORY,
                    "noise", NoiseJob.FACTORY,
                    "weather", WeatherJob.FACTORY,
                    "mobility", MobilityJob.FACTORY,
                    "cep", CepJob.FACTORY);

    private CombinedCity() {}

    /** Adds each job of {@code segments} to {@code env}, its uids prefixed with its key. */
    static void build(StreamExecutionEnvironment env, List<List<String>> segments) {
        Set<Transformation<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<String> segment : segments) {
            String key = segment.get(0);
            CityJob.Factory factory = JOBS.get(key);
            if (factory == null) {
                throw new IllegalArgumentException(
                        "unknown job '" + key + "'; jobs: " + JOBS.keySet());
            }
            factory.fromArguments(segment.subList(1, segment.size()).toArray(String[]::new))
                    .build(env);
            for (Transformation<?> sink : env.getTransformations()) {
                for (Transformation<?> t : sink.getTransitivePredecessors()) {
                    if (seen.add(t) && t.getUid() != null) {
                        t.setUid(key + "/" + t.getUid());
                    }
                }
            }
        }
    }

    /** The arguments split at each {@code --}. */
    static List<List<String>> segments(String[] args) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                segments.add(current);
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        segments.add(current);
        segments.removeIf(List::isEmpty);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException(
                    "usage: CombinedCity <job> --config FILE [--key value ...] [-- <job> ...];"
                            + " jobs: "
                            + JOBS.keySet()
                            + "; got "
                            + Arrays.toString(args));
        }
        return segments;
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, segments(args));
        env.execute("invicta-city");
    }
}
