package io.invicta.tools.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * For the chaos suite's memory-pressure scenario: a Java agent that, loaded into a running JVM,
 * fills its heap as a leak or an oversized state would, a chunk at a time, until the JVM runs out
 * of heap, and goes on taking whatever is freed after that. A JVM that survives its {@link
 * OutOfMemoryError} (one without {@code -XX:+ExitOnOutOfMemoryError}) thus stays out of heap, stuck
 * in garbage collection: the failure the scenario guards against.
 *
 * <p>Loaded by {@link FillHeap}, alone in a jar; it uses only the JDK. The agent's argument is the
 * rate in MiB of heap per second.
 */
public final class HeapFiller {

    private static final int CHUNK_BYTES = 256 * 1024;
    private static final List<byte[]> HELD = new ArrayList<>();

    private HeapFiller() {}

    public static void agentmain(String args) {
        int mibPerSecond = args == null || args.isBlank() ? 100 : Integer.parseInt(args.trim());
        if (mibPerSecond <= 0) {
            throw new IllegalArgumentException(
                    "the rate must be positive MiB/s, got " + mibPerSecond);
        }
        long pauseNanos = 1_000_000_000L * CHUNK_BYTES / (mibPerSecond * 1024L * 1024L);
        Thread filler = new Thread(() -> fill(pauseNanos), "invicta-chaos-heap-filler");
        filler.setDaemon(true);
        filler.start();
        System.err.printf(
                "invicta chaos: filling this JVM's heap (max %d MiB) at %d MiB/s%n",
                Runtime.getRuntime().maxMemory() >> 20, mibPerSecond);
    }

    // A leak that goes on leaking: whatever the JVM frees after an OutOfMemoryError is taken again.
    @SuppressWarnings("InfiniteLoopStatement")
    private static void fill(long pauseNanos) {
        while (true) {
            try {
                byte[] chunk = new byte[CHUNK_BYTES];
                synchronized (HELD) {
                    HELD.add(chunk);
                }
            } catch (OutOfMemoryError stillFull) {
                // Only reached in a JVM that survives its OutOfMemoryError.
            }
            LockSupport.parkNanos(pauseNanos);
        }
    }
}
