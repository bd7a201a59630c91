package io.invicta.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot run: every problem found, each with its file, line and column. */
public final class RuleSetException extends Exception {

    private final List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
