package io.invicta.testkit;

import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;

import java.util.Map;

/** Counters of a job on a MiniCluster, read from an {@link InMemoryReporter}. */
public final class JobCounters {

    private JobCounters() {}

    /**
     * Sum over the job's operators and subtasks of the counters whose identifier ends with {@code
     * path}: {@code ".deadLettersByReason.reason.INVALID.count"} is counter count in the group of
     * reason INVALID; {@code ".numRecordsSend"} every counter of that name.
     */
    public static long sum(InMemoryReporter metrics, JobID job, String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        long sum = 0;
        for (Map.Entry<MetricGroup, Map<String, Metric>> e :
                metrics.getMetricsByGroup().entrySet()) {
            MetricGroup g = e.getKey();
            if (!job.toString().equals(g.getAllVariables().get("<job_id>"))) {
                continue;
            }
            if (!g.getMetricIdentifier(name).endsWith(path)) {
                continue;
            }
            if (e.getValue().get(name) instanceof Counter c) {
                sum += c.getCount();
            }
        }
        return sum;
    }
}
