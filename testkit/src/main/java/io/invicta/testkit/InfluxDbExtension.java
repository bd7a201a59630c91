package io.invicta.testkit;

import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Starts a real {@code influxd} (the Debian package's binary) for a test class: a free port, a
 * temporary data directory, stopped and deleted afterwards. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class InfluxDbExtension implements BeforeAllCallback, AfterAllCallback {

    /** Override with -Dinvicta.influxd=/path/to/influxd. */
    private static final String INFLUXD = System.getProperty("invicta.influxd", "/usr/bin/influxd");

    private final String database;
    private Path workDir;
    private Process process;
    private int port;
    private InfluxDB client;

    /** With authentication on: the admin user and password; null: off. */
    private final String adminUser;

    private final String adminPassword;

    public InfluxDbExtension(String database) {
        this(database, null, null);
    }

    private InfluxDbExtension(String database, String adminUser, String adminPassword) {
        this.database = database;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /**
     * An influxd with authentication enabled and one admin user (created through the API, which
     * InfluxDB allows without credentials while no user exists); the extension's own client uses
     * it.
     */
    public static InfluxDbExtension withAuthentication(
            String database, String adminUser, String adminPassword) {
        return new InfluxDbExtension(database, adminUser, adminPassword);
    }

    public InfluxDbExtension() {
        this("invicta_test");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /**
     * Starts influxd. The first call picks a free port and a temporary data directory; later calls
     * (after {@link #stop()}) restart it on the same port with the same data, like a server coming
     * back.
     */
    public synchronized void start() throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("influxd is already running on port " + port);
        }
        if (!new File(INFLUXD).canExecute()) {
            throw new IllegalStateException(
                    INFLUXD
                            + " not found: install the Debian package 'influxdb' "
                            + "(apt-get install -y influxdb) or set -Dinvicta.influxd");
        }
        boolean first = workDir == null;
        if (first) {
            workDir = Files.createTempDirectory("invicta-influxd-");
            port = TestPorts.free();
            int rpcPort = TestPorts.free();
            Files.writeString(
                    workDir.resolve("influxdb.conf"),
                    String.join(
                            "\n",
                            "reporting-disabled = true",
                            "bind-address = \"127.0.0.1:" + rpcPort + "\"",
                            "[meta]",
                            "  dir = \"" + workDir.resolve("meta") + "\"",
                            "[data]",
                            "  dir = \"" + workDir.resolve("data") + "\"",
                            "  wal-dir = \"" + workDir.resolve("wal") + "\"",
                            "  query-log-enabled = false",
                            "[http]",
                            "  bind-address = \"127.0.0.1:" + port + "\"",
                            "  log-enabled = false",
                            "  auth-enabled = " + (adminUser != null),
                            "[monitor]",
                            "  store-enabled = false",
                            ""),
                    StandardCharsets.UTF_8);
        }
        process =
                new ProcessBuilder(
                                INFLUXD,
                                "run",
                                "-config",
                                workDir.resolve("influxdb.conf").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        workDir.resolve("influxd.log").toFile()))
                        .start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping")).build();
        Process started = process;
        await("influxd answering /ping on port " + port)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(
                        () -> {
                            if (!started.isAlive()) {
                                throw new IllegalStateException(
                                        "influxd exited: "
                                                + Files.readString(workDir.resolve("influxd.log")));
                            }
                            return http.send(ping, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 204;
                        });
        if (first) {
            if (adminUser == null) {
                client = InfluxDBFactory.connect(url());
            } else {
                try (InfluxDB anonymous = InfluxDBFactory.connect(url())) {
                    anonymous.query(
                            new Query(
                                    "CREATE USER \""
                                            + adminUser
                                            + "\" WITH PASSWORD '"
                                            + adminPassword
                                            + "' WITH ALL PRIVILEGES"));
                }
                client = InfluxDBFactory.connect(url(), adminUser, adminPassword);
            }
            client.query(new Query("CREATE DATABASE \"" + database + "\""));
        }
    }

    /**
     * Stops influxd (SIGTERM, then SIGKILL after 10 s), keeping its port and data for {@link
     * #start()}.
     */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Stops influxd and deletes its data. */
    public synchronized void close() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        stop();
        process = null;
        if (workDir != null) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            workDir = null;
        }
    }

    /** PID of the running influxd, for scripts that must stop exactly what they started. */
    public long pid() {
        return process.pid();
    }

    /** Creates another database on this server. */
    public void createDatabase(String name) {
        client.query(new Query("CREATE DATABASE \"" + name + "\""));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String database() {
        return database;
    }

    /**
     * Rows of the first series-set of a query against this extension's database, each as column →
     * value.
     */
    public List<Map<String, Object>> query(String influxQl) {
        return query(database, influxQl);
    }

    /**
     * A numeric field of a {@link #query} row. InfluxDB keeps each field of a point on its own, so
     * a query that runs while a point is being written can see some of its fields and not yet the
     * others: a missing field is an {@link AssertionError} (Awaitility's {@code untilAsserted} then
     * polls again), not a NullPointerException that ends the wait.
     */
    public static Number number(Map<String, Object> row, String field) {
        if (!(row.get(field) instanceof Number value)) {
            throw new AssertionError("no numeric field '" + field + "' (yet) in " + row);
        }
        return value;
    }

    /** Like {@link #query(String)} against another database of this server. */
    public List<Map<String, Object>> query(String db, String influxQl) {
        QueryResult result = client.query(new Query(influxQl, db));
        if (result.hasError()) {
            throw new IllegalStateException("Query failed: " + result.getError());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.hasError()) {
                throw new IllegalStateException("Query failed: " + r.getError());
            }
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : r.getSeries()) {
                for (List<Object> values : series.getValues()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    if (series.getTags() != null) {
                        row.putAll(series.getTags());
                    }
                    for (int i = 0; i < series.getColumns().size(); i++) {
                        row.put(series.getColumns().get(i), values.get(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
