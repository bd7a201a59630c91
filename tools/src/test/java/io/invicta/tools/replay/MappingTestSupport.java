package io.invicta.tools.replay;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a mapping over files into memory: the mapping logic without Kafka (the ITs cover Kafka). */
final class MappingTestSupport {

    private MappingTestSupport() {}

    static final class Collected implements EventSink {
        final List<ReplayEvent> events = new ArrayList<>();

        @Override
        public void send(String topic, ReplayEvent event) {
            events.add(event);
        }

        @Override
        public long flush() {
            return 0;
        }

        @Override
        public void close() {}
    }

    static Replayer replayer(Path mapping, boolean strict) throws Exception {
        return new Replayer(
                CompiledMapping.load(mapping),
                null,
                true,
                null,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                strict,
                0,
                0,
                10);
    }

    static Collected run(Replayer replayer, Path... files) throws Exception {
        Collected sink = new Collected();
        replayer.run(List.of(files), sink, new PrintStream(OutputStream.nullOutputStream()), false);
        return sink;
    }
}
