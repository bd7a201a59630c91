package io.invicta.jobs.cep;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.common.InfluxOptions;
import io.invicta.jobs.common.JobArguments;
import io.invicta.jobs.common.KafkaOptions;
import io.invicta.jobs.mobility.MobilityOptions;
import io.invicta.jobs.mobility.MobilityValidators;
import io.invicta.jobs.noise.NoiseJob;
import io.invicta.jobs.weather.WeatherJob;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.Alert;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.WeatherObserved;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Entry point of the rules job on a cluster: every sensor topic in, alerts to Kafka (exactly once, so enable
 * checkpointing) and to InfluxDB, dead letters, late events and rule status to their topics.
 * {@code flink run -c io.invicta.jobs.cep.CepJobMain invicta-jobs-*-flink.jar --config flink-conf/jobs/cep.yaml}
 */
public final class CepJobMain {

    private CepJobMain() {
    }

    public static void main(String[] args) throws Exception {
        Configuration config = JobArguments.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(config.get(CepOptions.CHECKPOINT_INTERVAL).toMillis());
        }
        Duration maxFuture = config.get(MobilityOptions.MAX_FUTURE);
        String group = CepJob.NAME;
        List<CepJob.Input<?>> inputs = List.of(
                new CepJob.Input<>(AirQualityObserved.class, KafkaOptions.source(config,
                        config.get(AirQualityJob.TOPIC), AirQualityObserved.class, AirQualityJob.validator(config), group)),
                new CepJob.Input<>(NoiseLevelObserved.class, KafkaOptions.source(config,
                        config.get(NoiseJob.TOPIC), NoiseLevelObserved.class, NoiseJob.validator(config), group)),
                new CepJob.Input<>(WeatherObserved.class, KafkaOptions.source(config,
                        config.get(WeatherJob.TOPIC), WeatherObserved.class, WeatherJob.validator(config), group)),
                new CepJob.Input<>(TrafficFlowObserved.class, KafkaOptions.source(config,
                        config.get(MobilityOptions.TRAFFIC_TOPIC), TrafficFlowObserved.class,
                        new MobilityValidators.Traffic(maxFuture), group)),
                new CepJob.Input<>(OnStreetParking.class, KafkaOptions.source(config,
                        config.get(MobilityOptions.PARKING_TOPIC), OnStreetParking.class,
                        new MobilityValidators.Parking(maxFuture), group)),
                new CepJob.Input<>(BikeHireDockingStation.class, KafkaOptions.source(config,
                        config.get(MobilityOptions.BIKE_TOPIC), BikeHireDockingStation.class,
                        new MobilityValidators.Bikes(maxFuture), group)),
                new CepJob.Input<>(VehiclePosition.class, KafkaOptions.source(config,
                        config.get(MobilityOptions.VEHICLE_TOPIC), VehiclePosition.class,
                        new MobilityValidators.Vehicles(maxFuture), group)));
        KafkaSource<RuleSetUpdate> rules = config.getOptional(CepOptions.RULES_TOPIC)
                .map(topic -> rulesSource(config, topic))
                .orElse(null);
        CepJob.Outputs out = new CepJob(config, PackagedRules.load(config), inputs, rules).build(env);
        out.alerts().sinkTo(alertsSink(config)).name("alerts-kafka").uid("alerts-kafka");
        out.alerts().sinkTo(InfluxOptions.sink(config, new AlertPoints())).name("alerts-influxdb")
                .uid("alerts-influxdb");
        out.deadLetters().sinkTo(KafkaOptions.deadLetterSink(config)).name("cep-dead-letters").uid("cep-dead-letters");
        out.late().sinkTo(KafkaOptions.lateEventSink(config)).name("cep-late-events").uid("cep-late-events");
        out.ruleStatus().sinkTo(ruleStatusSink(config)).name("rule-status").uid("rule-status");
        env.execute(CepJob.NAME);
    }

    /** The rules topic, read whole from the start (compacted: the newest version of the set wins). */
    public static KafkaSource<RuleSetUpdate> rulesSource(Configuration config, String topic) {
        return KafkaSource.<RuleSetUpdate>builder()
                .setBootstrapServers(config.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setTopics(topic)
                .setGroupId(CepJob.NAME + "-rules-" + UUID.randomUUID())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RuleSetUpdateDeserializer())
                .build();
    }

    /** ACTIVE / REJECTED records of every operator instance, as JSON. */
    public static KafkaSink<RuleStatus> ruleStatusSink(Configuration config) {
        return KafkaSink.<RuleStatus>builder()
                .setBootstrapServers(config.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setRecordSerializer(new RuleStatusSerializer(config.get(CepOptions.RULE_STATUS_TOPIC)))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** Exactly once: alerts become visible to read_committed consumers when the checkpoint that holds them completes. */
    public static KafkaSink<Alert> alertsSink(Configuration config) {
        return KafkaSink.<Alert>builder()
                .setBootstrapServers(config.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setRecordSerializer(new AlertSerializer(config.get(CepOptions.ALERTS_TOPIC)))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.getOptional(KafkaOptions.GROUP_ID).orElse(CepJob.NAME) + "-alerts")
                // Below the broker's transaction.max.timeout.ms (15 min by default).
                .setProperty("transaction.timeout.ms", "600000")
                .build();
    }
}
