package io.invicta.tools.rules;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scripts/rules}: the analysts' tool for the CEP rule set in {@code cep-rules/}
 * (docs/RULES.md). {@code check} compiles it through the sandbox, {@code test} runs its test cases,
 * {@code deploy} publishes it to the compacted {@code rules} topic. Exit codes: 0 fine, 1 rule
 * problems or failed cases, 2 usage, 3 Kafka.
 */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "Check, test and deploy the Esper rule set (cep-rules/).",
        subcommands = {CheckCommand.class, TestCommand.class, DeployCommand.class})
public final class RulesCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is needed: check, test or deploy");
    }

    public static CommandLine commandLine() {
        return new CommandLine(new RulesCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
