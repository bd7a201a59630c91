package io.invicta.tools.rules;

import io.invicta.rules.RuleFile;
import io.invicta.rules.RuleSet;
import io.invicta.rules.RuleSetException;
import io.invicta.rules.RuleSetMessage;
import io.invicta.schemas.Topics;
import io.invicta.tools.kafka.KafkaMixin;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * {@code rules deploy}: checks the rule set, then publishes it as one {@link RuleSetMessage} record
 * (key = the rule-set name) to the compacted {@code rules} topic, creating the topic if it is
 * missing. The version is {@code --version}, or one more than the highest version of that name on
 * the topic (1 for the first), so alerts name the rule set that raised them. Nothing is published
 * when the check fails.
 */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description =
                "Check the rule set, then publish it as one versioned record to the compacted rules"
                        + " topic.")
final class DeployCommand extends CheckedRuleSetCommand {

    @Mixin KafkaMixin kafka;

    @Option(
            names = "--topic",
            defaultValue = Topics.RULES_NAME,
            description = "The rules topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--name",
            defaultValue = "city",
            description = "The rule-set name, the record key (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(
            names = "--version",
            description = "The version to publish (default: the latest on the topic + 1, or 1).")
    Integer version;

    @Option(
            names = "--replication-factor",
            defaultValue = "1",
            description =
                    "Replication factor when the topic is created (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Override
    void afterFailedCheck(PrintWriter err) {
        err.println("nothing deployed");
    }

    @Override
    int run(List<RuleFile> files, RuleSet checked) throws InterruptedException {
        PrintWriter out = out();
        PrintWriter err = err();
        if (version != null && version < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--version must be 1 or more");
        }
        try (RuleSetTopic rules = new RuleSetTopic(kafka.bootstrapServers, topic)) {
            if (rules.createIfMissing(replicationFactor)) {
                out.println("created compacted topic " + topic);
            }
            int v = version != null ? version : rules.latestVersion(name).orElse(0) + 1;
            // The job reports problems by file name: send names without the analyst's local
            // directories.
            RuleSetMessage message =
                    new RuleSetMessage(
                            name,
                            v,
                            files.stream()
                                    .map(
                                            f ->
                                                    new RuleFile(
                                                            Path.of(f.name())
                                                                    .getFileName()
                                                                    .toString(),
                                                            f.text()))
                                    .toList());
            RuleSet compiled = message.compile();
            RecordMetadata meta = rules.publish(message);
            out.printf(
                    "deployed rule set '%s' version %d (%d modules, %d rules) to %s partition %d"
                            + " offset %d%n",
                    name,
                    v,
                    compiled.modules().size(),
                    compiled.rules().size(),
                    topic,
                    meta.partition(),
                    meta.offset());
            return 0;
        } catch (ExecutionException | KafkaException | IllegalStateException e) {
            Throwable cause =
                    e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            err.println("deploy failed: " + cause.getMessage());
            return 3;
        } catch (RuleSetException e) {
            e.problems()
                    .forEach(err::println); // same text, so it cannot differ from the check above
            return 1;
        }
    }
}
