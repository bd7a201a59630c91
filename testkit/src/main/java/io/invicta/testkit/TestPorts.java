package io.invicta.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for the servers tests start, below the kernel's ephemeral range: a port the kernel
 * may hand to any outgoing connection (thousands of them after a test suite) can be taken between
 * the check and the server's bind. A port is free when it can be bound on the loopback address now.
 */
public final class TestPorts {

    /** Used when the kernel's range cannot be read (Linux's default lower bound). */
    private static final int DEFAULT_EPHEMERAL_LOW = 32768;

    private static final int LOWEST = 10_000;

    private TestPorts() {}

    /** A port in [10000, the ephemeral range's lower bound) that nothing listens on. */
    public static int free() throws IOException {
        int high = ephemeralLow();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, high);
            try (ServerSocket socket =
                    new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("no free port in [" + LOWEST + ", " + high + ") after 200 attempts");
    }

    private static int ephemeralLow() {
        try {
            String range =
                    Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1000 ? low : DEFAULT_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }
}
