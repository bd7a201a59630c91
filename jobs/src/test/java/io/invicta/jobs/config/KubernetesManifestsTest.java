package io.invicta.jobs.config;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.cep.CepJob;
import io.invicta.jobs.mobility.MobilityJob;
import io.invicta.jobs.noise.NoiseJob;
import io.invicta.jobs.weather.WeatherJob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests (deploy/kubernetes/) against the schema of the FlinkDeployment fields
 * they use, and against the product: every job has one, its entry class and options file exist, and
 * its arguments parse with the job's own options.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("..", "deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, JobOptions> OPTIONS =
            Map.of(
                    AirQualityJob.class.getName(), AirQualityJob.OPTIONS,
                    NoiseJob.class.getName(), NoiseJob.OPTIONS,
                    WeatherJob.class.getName(), WeatherJob.OPTIONS,
                    MobilityJob.class.getName(), MobilityJob.OPTIONS,
                    CepJob.class.getName(), CepJob.OPTIONS);

    private static List<JsonNode> deployments() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser =
                new YAMLFactory().createParser(DIR.resolve("flink-deployments.yaml").toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        return docs;
    }

    private static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(
                        new ObjectMapper()
                                .readTree(DIR.resolve("flinkdeployment.schema.json").toFile()));
    }

    @Test
    void everyDeploymentMatchesTheSchemaOfTheOperatorFieldsItUses() throws Exception {
        JsonSchema schema = schema();
        List<JsonNode> docs = deployments();
        assertThat(docs).hasSize(OPTIONS.size());
        for (JsonNode doc : docs) {
            Set<ValidationMessage> errors = schema.validate(doc);
            assertThat(errors).as(doc.path("metadata").path("name").asText()).isEmpty();
        }
    }

    @Test
    void theSchemaRefusesAMisspelledFieldAndAnUnknownUpgradeMode() throws Exception {
        JsonSchema schema = schema();
        ObjectNode typo = (ObjectNode) deployments().get(0).deepCopy();
        ((ObjectNode) typo.path("spec").path("job")).put("paralelism", 2);
        assertThat(schema.validate(typo)).isNotEmpty();
        ObjectNode mode = (ObjectNode) deployments().get(0).deepCopy();
        ((ObjectNode) mode.path("spec").path("job")).put("upgradeMode", "restart");
        assertThat(schema.validate(mode)).isNotEmpty();
    }

    @Test
    void everyJobRunsWithItsOwnOptionsAndUpgradesThroughASavepoint() throws Exception {
        List<String> classes = new ArrayList<>();
        for (JsonNode doc : deployments()) {
            JsonNode job = doc.path("spec").path("job");
            String entry = job.path("entryClass").asText();
            classes.add(entry);
            assertThat(Class.forName(entry)).isNotNull();
            assertThat(job.path("upgradeMode").asText()).isEqualTo("savepoint");
            assertThat(
                            doc.path("spec")
                                    .path("flinkConfiguration")
                                    .path("high-availability.type")
                                    .asText())
                    .isEqualTo("kubernetes");
            List<String> args = new ArrayList<>();
            job.path("args").forEach(a -> args.add(a.asText()));
            // The options file comes from the ConfigMap made of flink-conf/jobs/: parse the shipped
            // one.
            String mounted = args.get(args.indexOf("--config") + 1);
            Path shipped =
                    Path.of("..", "flink-conf", "jobs", Path.of(mounted).getFileName().toString());
            assertThat(Files.isReadable(shipped)).as(mounted).isTrue();
            args.set(args.indexOf("--config") + 1, shipped.toString());
            Configuration config =
                    JobArguments.parse(args.toArray(String[]::new), OPTIONS.get(entry));
            assertThat(config.toMap()).containsEntry("influx.password-env", "INFLUX_PASSWORD");
        }
        assertThat(classes).containsExactlyInAnyOrderElementsOf(OPTIONS.keySet());
    }
}
