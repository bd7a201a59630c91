package io.invicta.jobs.cep;

import io.invicta.jobs.io.DeadLetter;

/**
 * What became of a rule-set version at one operator instance: {@code ACTIVE} (running, state
 * warmed) or {@code REJECTED} with the reason (compile or sandbox errors as file:line:col; the
 * previous version keeps running). Written to the rule-status topic and the log.
 */
public class RuleStatus {

    public int version;
    public String partitioning;
    public int subtask;
    public String status;
    public String detail;

    /**
     * For {@code ACTIVE}: the event time the instance had released up to when it switched (the
     * alerts after it are the version's, its windows warmed); null otherwise.
     */
    public Long releasedUpTo;

    public RuleStatus() {}

    /** {@code version} runs at the instance, switched at event time {@code releasedUpTo}. */
    public static RuleStatus active(
            int version, String partitioning, int subtask, long releasedUpTo, String detail) {
        RuleStatus status = new RuleStatus(version, partitioning, subtask, "ACTIVE", detail);
        status.releasedUpTo = releasedUpTo;
        return status;
    }

    public RuleStatus(int version, String partitioning, int subtask, String status, String detail) {
        this.version = version;
        this.partitioning = partitioning;
        this.subtask = subtask;
        this.status = status;
        this.detail = detail;
    }

    /**
     * The status of a record of the rules topic that is not a rule set: refused, the rule set in
     * force kept. Keyed by the rules topic's partition, apart from the operator instances'.
     */
    public static RuleStatus notARuleSet(DeadLetter letter) {
        return new RuleStatus(
                0,
                "rules-topic",
                letter.partition,
                "REJECTED",
                "record "
                        + letter.origin()
                        + " is not a rule set ("
                        + letter.detail
                        + "); the rule set in force keeps running");
    }

    @Override
    public String toString() {
        return "rule set v"
                + version
                + " ["
                + partitioning
                + "#"
                + subtask
                + "] "
                + status
                + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
