package io.invicta.tools.topics;

import io.invicta.schemas.Topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Creates the catalogued topics ({@link Topics}) and empties them, for {@code scripts/topics}: all
 * of it through one admin client in one JVM, where Kafka's own {@code kafka-topics} starts a JVM
 * per topic and per step (a reset of the seven sensor topics took 36 s that way).
 */
@Command(
        name = "topic-admin",
        mixinStandardHelpOptions = true,
        subcommands = {TopicAdmin.Create.class, TopicAdmin.Reset.class},
        description = "Creates and empties Invicta's Kafka topics.")
public final class TopicAdmin implements Runnable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Options of both actions. */
    static final class Broker {
        @Option(names = "--bootstrap-servers", required = true, description = "Kafka brokers.")
        String bootstrapServers;

        @Option(
                names = "--partitions",
                defaultValue = "4",
                description = "Partitions of a stream topic (compacted ones have one).")
        int partitions;

        Admin admin() {
            return Admin.create(
                    Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrapServers,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            (int) TIMEOUT.toMillis(),
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            10_000));
        }

        NewTopic newTopic(Topics.Topic topic) {
            if (topic.compacted()) {
                return new NewTopic(topic.name(), 1, (short) 1)
                        .configs(
                                Map.of(
                                        TopicConfig.CLEANUP_POLICY_CONFIG,
                                        TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            return new NewTopic(topic.name(), partitions, (short) 1);
        }
    }

    @Command(name = "create", description = "Creates the catalogued topics that are missing.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin Broker broker;

        @Override
        public Integer call() throws Exception {
            try (Admin admin = broker.admin()) {
                Set<String> existing = admin.listTopics().names().get();
                List<NewTopic> missing = new ArrayList<>();
                for (Topics.Topic topic : Topics.all()) {
                    if (!existing.contains(topic.name())) {
                        missing.add(broker.newTopic(topic));
                    }
                }
                warnAboutPartitions(admin, existing);
                if (missing.isEmpty()) {
                    say("all %d Invicta topics exist", Topics.all().size());
                    return 0;
                }
                for (NewTopic topic : missing) {
                    try {
                        admin.createTopics(List.of(topic)).all().get();
                        say("created %s (%d partitions)", topic.name(), topic.numPartitions());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                return 0;
            }
        }

        private void warnAboutPartitions(Admin admin, Set<String> existing) throws Exception {
            List<String> streams =
                    Topics.all().stream()
                            .filter(t -> !t.compacted() && existing.contains(t.name()))
                            .map(Topics.Topic::name)
                            .toList();
            if (streams.isEmpty()) {
                return;
            }
            for (TopicDescription d :
                    admin.describeTopics(streams).allTopicNames().get().values()) {
                if (d.partitions().size() != broker.partitions) {
                    System.err.printf(
                            "[invicta] WARN: topic %s exists with %d partitions (wanted %d); left"
                                    + " unchanged%n",
                            d.name(), d.partitions().size(), broker.partitions);
                }
            }
        }
    }

    @Command(
            name = "reset",
            description =
                    "Deletes catalogued topics with all their records and creates them again,"
                            + " empty (stop their consumers first).")
    static final class Reset implements Callable<Integer> {
        @CommandLine.Mixin Broker broker;

        @Parameters(arity = "1..*", paramLabel = "TOPIC", description = "Catalogued topic names.")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            List<Topics.Topic> topics = new ArrayList<>();
            for (String name : names) {
                Optional<Topics.Topic> topic =
                        Topics.all().stream().filter(t -> t.name().equals(name)).findFirst();
                if (topic.isEmpty()) {
                    System.err.printf("[invicta] ERROR: %s is not an Invicta topic%n", name);
                    return 2;
                }
                topics.add(topic.get());
            }
            try (Admin admin = broker.admin()) {
                try {
                    admin.deleteTopics(names).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
                // Deletion completes asynchronously: a topic is created again once the broker
                // accepts it (until then, creation answers TopicExistsException).
                Instant deadline = Instant.now().plus(TIMEOUT);
                List<Topics.Topic> pending = new ArrayList<>(topics);
                while (!pending.isEmpty()) {
                    for (var it = pending.iterator(); it.hasNext(); ) {
                        Topics.Topic topic = it.next();
                        try {
                            admin.createTopics(List.of(broker.newTopic(topic))).all().get();
                            say("topic %s is empty again", topic.name());
                            it.remove();
                        } catch (ExecutionException e) {
                            if (!(e.getCause() instanceof TopicExistsException)) {
                                throw e;
                            }
                        }
                    }
                    if (!pending.isEmpty()) {
                        if (Instant.now().isAfter(deadline)) {
                            System.err.printf(
                                    "[invicta] ERROR: not deleted within %ds: %s%n",
                                    TIMEOUT.toSeconds(),
                                    pending.stream().map(Topics.Topic::name).toList());
                            return 1;
                        }
                        Thread.sleep(200); // polling the broker, not synchronising a test
                    }
                }
                return 0;
            }
        }
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }

    private static void say(String format, Object... args) {
        System.err.printf("[invicta] " + format + "%n", args);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TopicAdmin()).execute(args));
    }
}
