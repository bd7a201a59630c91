package io.invicta.tools.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StreamDeterminismTest {

    private static String digest(long seed) {
        GeneratorConfig c =
                TestStreams.config(200, 30, "2026-11-24T06:00:00Z", Duration.ofHours(4));
        c.seed = seed;
        c.anomalies.addAll(AnomalyPlan.DEFAULT_MIX);
        c.anomalies.add("corrupt:rate=0.01");
        DigestingSink sink = new DigestingSink(new EventSink.Discard());
        new StreamGenerator(c, sink, new GroundTruth(null)).run();
        return sink.hex();
    }

    @Test
    void sameSeedAndArgumentsProduceTheSameRecordBytes() {
        assertThat(digest(7)).isEqualTo(digest(7));
    }

    @Test
    void anotherSeedProducesAnotherStream() {
        assertThat(digest(7)).isNotEqualTo(digest(8));
    }

    @Test
    void twoCommandLineRunsWriteIdenticalFilesAndGroundTruth(@TempDir Path dir) throws Exception {
        for (String run : new String[] {"a", "b"}) {
            int exit =
                    new CommandLine(new GenerateCommand())
                            .execute(
                                    "--sensors",
                                    "50",
                                    "--vehicles",
                                    "10",
                                    "--start",
                                    "2026-11-24T07:00:00Z",
                                    "--events",
                                    "20000",
                                    "--seed",
                                    "3",
                                    "--anomalies",
                                    "default",
                                    "--anomaly",
                                    "duplicate:rate=0.01",
                                    "--progress",
                                    "PT0S",
                                    "--output",
                                    dir.resolve(run + ".bin").toString(),
                                    "--ground-truth",
                                    dir.resolve(run + ".jsonl").toString());
            assertThat(exit).isZero();
        }
        assertThat(Files.size(dir.resolve("a.bin"))).isPositive();
        assertThat(Files.mismatch(dir.resolve("a.bin"), dir.resolve("b.bin"))).isEqualTo(-1L);
        assertThat(Files.readAllLines(dir.resolve("a.jsonl")))
                .isNotEmpty()
                .isEqualTo(Files.readAllLines(dir.resolve("b.jsonl")));
    }
}
