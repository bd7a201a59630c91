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
     * Sum over the job's operators and subtasks of the counters named {@code path}, optionally in a
     * sub-group: {@code ".deadLettersByReason.INVALID"} is counter INVALID in group
     * deadLettersByReason; {@code ".numRecordsSend"} every counter of that name.
     */
    public static long sum(InMemoryReporter metrics, JobID job, String path) {
        String[] parts = path.substring(1).split("\\.");
        String name = parts[parts.length - 1];
        String group = parts.length > 1 ? parts[parts.length - 2] : null;
        long sum = 0;
        for (Map.Entry<MetricGroup, Map<String, Metric>> e :
                metrics.getMetricsByGroup().entrySet()) {
            MetricGroup g = e.getKey();
            if (!job.toString().equals(g.getAllVariables().get("<job_id>"))) {
                continue;
            }
            if (group != null && !g.getMetricIdentifier(name).endsWith("." + group + "." + name)) {
                continue;
            }
            if (e.getValue().get(name) instanceof Counter c) {
                sum += c.getCount();
            }
        }
        return sum;
    }
}
