package io.invicta.tools.chaos;

import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * For the chaos suite: loads {@link HeapFiller} into a running JVM of the same user through the
 * JDK's attach API. Usage: {@code FillHeap <pid> [MiB per second]}. Exit 0 once the agent is loaded
 * (the filling goes on in the target), 2 on bad usage.
 */
public final class FillHeap {

    private FillHeap() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || !args[0].matches("[0-9]+")) {
            System.err.println("usage: FillHeap <pid> [MiB per second]");
            System.exit(2);
        }
        int rate = args.length == 2 ? Integer.parseInt(args[1]) : 100;
        load(args[0], rate);
        System.out.println("heap filler loaded into pid " + args[0] + " at " + rate + " MiB/s");
    }

    /** Loads the filler into the JVM of {@code pid}, filling at {@code mibPerSecond}. */
    public static void load(String pid, int mibPerSecond) throws Exception {
        Path jar = agentJar();
        try {
            VirtualMachine target = VirtualMachine.attach(pid);
            try {
                target.loadAgent(jar.toString(), Integer.toString(mibPerSecond));
            } finally {
                target.detach();
            }
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    /**
     * The agent alone in a jar of its own: loaded into a TaskManager, it must not bring the tools'
     * dependencies onto that JVM's class path.
     */
    static Path agentJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Agent-Class", HeapFiller.class.getName());
        String entry = HeapFiller.class.getName().replace('.', '/') + ".class";
        Path jar = Files.createTempFile("invicta-heap-filler", ".jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream bytes = HeapFiller.class.getClassLoader().getResourceAsStream(entry)) {
            if (bytes == null) {
                throw new IOException(entry + " is not on the class path");
            }
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
