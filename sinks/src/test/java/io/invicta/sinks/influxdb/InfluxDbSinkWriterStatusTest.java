package io.invicta.sinks.influxdb;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the writer treats each kind of HTTP answer, against an in-process HTTP server that answers
 * what the test says (statuses a real influxd cannot be made to return on demand: 429, 503, 413).
 */
class InfluxDbSinkWriterStatusTest {

    private HttpServer server;
    private volatile Function<String, Integer> answer;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> encodings = new CopyOnWriteArrayList<>();
    static final ConcurrentLinkedQueue<String> REJECTED = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/write",
                exchange -> {
                    authorizations.add(
                            String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                    encodings.add(String.valueOf(encoding));
                    byte[] raw = exchange.getRequestBody().readAllBytes();
                    String body =
                            new String(
                                    "gzip".equals(encoding)
                                            ? new GZIPInputStream(new ByteArrayInputStream(raw))
                                                    .readAllBytes()
                                            : raw,
                                    StandardCharsets.UTF_8);
                    bodies.add(body);
                    int status = answer.apply(body);
                    byte[] error =
                            status == 204
                                    ? new byte[0]
                                    : ("{\"error\":\"status " + status + " for test\"}")
                                            .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, status == 204 ? -1 : error.length);
                    exchange.getResponseBody().write(error);
                    exchange.close();
                });
        server.start();
        REJECTED.clear();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private InfluxDbSinkWriter<InfluxPoint> writer(Duration maxTotal) {
        return Writers.open(builder(maxTotal).build(), new ManualTimeService());
    }

    private InfluxDbSinkBuilder<InfluxPoint> builder(Duration maxTotal) {
        return InfluxDbSink.<InfluxPoint>builder()
                .url("http://127.0.0.1:" + server.getAddress().getPort())
                .database("db")
                .converter(new Writers.Identity())
                .batchPoints(100)
                .retryInitialBackoff(Duration.ofMillis(5))
                .retryMaxBackoff(Duration.ofMillis(20))
                .retryMaxTotalTime(maxTotal)
                .rejectedPointHandler(
                        (point, reason) -> REJECTED.add(point.tag("id") + ": " + reason));
    }

    private static InfluxPoint point(int i) {
        return InfluxPoint.measurement("m")
                .tag("id", "p" + i)
                .field("v", (long) i)
                .time(i, TimeUnit.MILLISECONDS)
                .build();
    }

    @Test
    void serverErrorsAndTooManyRequestsAreRetriedUntilWritten() throws Exception {
        int[] answers = {503, 429, 500, 204};
        int[] call = {0};
        answer = body -> answers[Math.min(call[0]++, answers.length - 1)];
        try (InfluxDbSinkWriter<InfluxPoint> writer = writer(Duration.ofMinutes(1))) {
            writer.write(point(1), null);
            writer.flush(false);

            assertThat(writer.metrics().retries.getCount()).isEqualTo(3);
            assertThat(writer.metrics().pointsWritten.get()).isEqualTo(1);
            assertThat(bodies)
                    .hasSize(4)
                    .allSatisfy(b -> assertThat(b).isEqualTo("m,id=p1 v=1i 1\n"));
        }
    }

    @Test
    void aFourHundredIsolatesTheRefusedPointsAndWritesTheOthers() throws Exception {
        answer = body -> body.contains("id=p3 ") || body.contains("id=p6 ") ? 400 : 204;
        try (InfluxDbSinkWriter<InfluxPoint> writer = writer(Duration.ofMinutes(1))) {
            for (int i = 0; i < 8; i++) {
                writer.write(point(i), null);
            }
            writer.flush(false);

            assertThat(REJECTED)
                    .containsExactlyInAnyOrder(
                            "p3: InfluxDB refused it (HTTP 400): status 400 for test",
                            "p6: InfluxDB refused it (HTTP 400): status 400 for test");
            assertThat(writer.metrics().pointsWritten.get()).isEqualTo(6);
            assertThat(writer.metrics().retries.getCount()).isZero();
        }
    }

    @Test
    void aTooLargeBatchIsSplitUntilItFits() throws Exception {
        answer = body -> body.split("\n").length > 2 ? 413 : 204;
        try (InfluxDbSinkWriter<InfluxPoint> writer = writer(Duration.ofMinutes(1))) {
            for (int i = 0; i < 8; i++) {
                writer.write(point(i), null);
            }
            writer.flush(false);

            assertThat(REJECTED).isEmpty();
            assertThat(writer.metrics().pointsWritten.get()).isEqualTo(8);
        }
    }

    @Test
    void aFourHundredFourIsNotBlamedOnThePointsButRetriedAndThenFailsTheJob() throws Exception {
        answer = body -> 404; // e.g. database not found: an operator may create it; the points are
        // fine
        try (InfluxDbSinkWriter<InfluxPoint> writer = writer(Duration.ofMillis(300))) {
            writer.write(point(1), null);

            assertThatThrownBy(() -> writer.flush(false))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 404");
            assertThat(REJECTED).isEmpty();
            assertThat(writer.metrics().pointsRejected.get()).isZero();
            assertThat(writer.metrics().retries.getCount()).isPositive();
        }
    }

    @Test
    void thePasswordIsReadFromItsFileWhenTheWriterOpensAndSentAsBasicAuth(
            @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        answer = body -> 204;
        Path token = tmp.resolve("token");
        Files.writeString(token, "s3cr3t-token\n");
        InfluxDbSink<InfluxPoint> sink =
                builder(Duration.ofMinutes(1))
                        .username("writer")
                        .passwordFile(token.toString())
                        .build();
        try (InfluxDbSinkWriter<InfluxPoint> writer = Writers.open(sink, new ManualTimeService())) {
            writer.write(point(1), null);
            writer.flush(false);
        }

        assertThat(authorizations)
                .containsExactly(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "writer:s3cr3t-token"
                                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(sink.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void gzipCompressesTheBodyWhenEnabled() throws Exception {
        answer = body -> 204;
        try (InfluxDbSinkWriter<InfluxPoint> writer =
                Writers.open(
                        builder(Duration.ofMinutes(1)).gzip(true).build(),
                        new ManualTimeService())) {
            writer.write(point(1), null);
            writer.flush(false);
        }

        assertThat(encodings).containsExactly("gzip");
        assertThat(bodies).containsExactly("m,id=p1 v=1i 1\n");
        assertThat(authorizations).containsExactly("null");
    }
}
