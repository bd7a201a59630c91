package io.invicta.tools.chaos;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class FillHeapTest {

    private Process target;

    @AfterEach
    void stopTarget() {
        if (target != null) {
            target.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aJvmThatExitsOnOutOfMemoryExitsOnceTheFillerHasFilledItsHeap() throws Exception {
        BufferedReader output = start("-XX:+ExitOnOutOfMemoryError");

        FillHeap.load(Long.toString(target.pid()), 200);

        assertThat(target.waitFor(100, TimeUnit.SECONDS)).as("the target exited").isTrue();
        assertThat(target.exitValue()).isEqualTo(3);
        assertThat(rest(output))
                .contains(
                        "filling this JVM's heap", "Terminating due to java.lang.OutOfMemoryError");
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aJvmThatSurvivesItsOutOfMemoryStaysOutOfHeap() throws Exception {
        BufferedReader output = start();

        FillHeap.load(Long.toString(target.pid()), 200);

        // What the filler took stays held after its thread died: the target's own allocations keep
        // failing.
        int failures = 0;
        String line;
        while (failures < 3 && (line = output.readLine()) != null) {
            if (line.equals(Target.OUT_OF_HEAP)) {
                failures++;
            }
        }
        assertThat(failures).isEqualTo(3);
        assertThat(target.isAlive()).isTrue();
    }

    @Test
    void theAgentJarHoldsTheFillerAlone() throws Exception {
        Path jar = FillHeap.agentJar();
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Agent-Class"))
                    .isEqualTo(HeapFiller.class.getName());
            assertThat(
                            file.stream()
                                    .map(java.util.jar.JarEntry::getName)
                                    .filter(n -> n.endsWith(".class")))
                    .containsExactly("io/invicta/tools/chaos/HeapFiller.class");
        } finally {
            java.nio.file.Files.delete(jar);
        }
    }

    private BufferedReader start(String... options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.addAll(List.of(options));
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), Target.class.getName()));
        target = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output =
                new BufferedReader(
                        new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo(Target.READY);
        return output;
    }

    private static String rest(BufferedReader output) throws Exception {
        StringBuilder all = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            all.append(line).append('\n');
        }
        return all.toString();
    }

    /**
     * The JVM the filler is loaded into: allocates a little now and then, and says when it cannot.
     */
    public static final class Target {
        static final String READY = "ready";
        static final String OUT_OF_HEAP = "out of heap";
        // Written without allocating: out of heap, a println would throw again.
        private static final byte[] OUT_OF_HEAP_LINE =
                (OUT_OF_HEAP + "\n").getBytes(StandardCharsets.UTF_8);
        private static final FileOutputStream STDOUT = new FileOutputStream(FileDescriptor.out);

        public static void main(String[] args) throws IOException {
            STDOUT.write((READY + "\n").getBytes(StandardCharsets.UTF_8));
            while (true) {
                try {
                    byte[] work = new byte[4 << 20];
                    work[0] = 1;
                } catch (OutOfMemoryError e) {
                    STDOUT.write(OUT_OF_HEAP_LINE);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }
}
