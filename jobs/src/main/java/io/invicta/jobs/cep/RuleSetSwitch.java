package io.invicta.jobs.cep;

import io.invicta.rules.Partitioning;
import io.invicta.rules.RuleSet;
import io.invicta.rules.RuleSetException;

import java.util.Set;

/**
 * Decides whether a rule-set version arriving on the rules input may replace the running one in a
 * rule operator: it must compile, and every module must belong to a partitioning the job runs an
 * operator for (a module of another could never run). The answer is the compiled set, or the status
 * that says why not.
 */
final class RuleSetSwitch {

    /** Either {@code ruleSet} (accepted) or {@code rejection}. */
    record Outcome(RuleSet ruleSet, RuleStatus rejection) {}

    private RuleSetSwitch() {}

    static Outcome compile(
            RuleSetUpdate update,
            Set<Partitioning> enabled,
            Partitioning partitioning,
            int subtask) {
        RuleSet ruleSet;
        try {
            ruleSet = RuleSet.compile(update.version, update.files());
        } catch (RuleSetException e) {
            return rejected(update, partitioning, subtask, e.getMessage());
        }
        for (RuleSet.CompiledModule module : ruleSet.modules()) {
            if (!enabled.contains(module.partitioning())) {
                return rejected(
                        update,
                        partitioning,
                        subtask,
                        "module "
                                + module.name()
                                + " is partitioned by "
                                + module.partitioning().tagValue()
                                + ", which this job does not run (cep.partitions)");
            }
        }
        return new Outcome(ruleSet, null);
    }

    private static Outcome rejected(
            RuleSetUpdate update, Partitioning partitioning, int subtask, String why) {
        return new Outcome(
                null,
                new RuleStatus(update.version, partitioning.tagValue(), subtask, "REJECTED", why));
    }
}
