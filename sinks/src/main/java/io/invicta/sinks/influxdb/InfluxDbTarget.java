package io.invicta.sinks.influxdb;

import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks, where a job is submitted and before it starts, that its InfluxDB target can be written:
 * the credentials accepted, the database there (or created, when asked), the retention policy
 * there. A setting that no retry can fix then fails the submission with a message naming it,
 * instead of a job that retries, restarts and retries again. An InfluxDB that does not answer is
 * only logged: an outage at submission is the sink's to ride out, as at any other time.
 */
public final class InfluxDbTarget {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbTarget.class);

    private InfluxDbTarget() {}

    /**
     * @param createDatabase create the database when it is missing (InfluxDB 1.x; the user needs
     *     the admin privilege)
     * @throws IllegalStateException naming the setting, when no write could succeed
     */
    public static void verify(ConnectionOptions connection, boolean createDatabase) {
        String url = connection.url();
        String database = connection.database();
        try (InfluxDB client = InfluxClients.connect(connection)) {
            List<String> databases = names(query(connection, client, "SHOW DATABASES", null));
            if (databases == null) {
                LOG.info(
                        "InfluxDB at {} does not list its databases to this user: database '{}'"
                                + " not checked",
                        url,
                        database);
                return;
            }
            if (!databases.contains(database)) {
                if (!createDatabase) {
                    throw new IllegalStateException(Unfixable.noDatabase(url, database));
                }
                query(connection, client, "CREATE DATABASE \"" + database + "\"", null);
                LOG.info("Created InfluxDB database '{}' at {}", database, url);
            }
            String policy = connection.retentionPolicy();
            if (policy != null) {
                List<String> policies =
                        names(
                                query(
                                        connection,
                                        client,
                                        "SHOW RETENTION POLICIES ON \"" + database + "\"",
                                        database));
                if (policies != null && !policies.contains(policy)) {
                    throw new IllegalStateException(
                            Unfixable.noRetentionPolicy(url, database, policy)
                                    + "; it has "
                                    + policies);
                }
            }
        } catch (Unreachable e) {
            LOG.warn(
                    "InfluxDB at {} did not answer at job start ({}); the sink will retry when it"
                            + " writes",
                    url,
                    e.getMessage());
        }
    }

    /** InfluxDB did not answer, or answered with a server error: maybe later. */
    private static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    private static QueryResult query(
            ConnectionOptions connection, InfluxDB client, String text, String database) {
        InfluxClients.resetStatus();
        QueryResult result;
        try {
            result = client.query(new Query(text, database));
        } catch (RuntimeException e) {
            int status = InfluxClients.lastStatus();
            if (status == 401 || status == 403) {
                throw new IllegalStateException(
                        Unfixable.credentialsRefused(
                                connection.url(), connection.username(), status),
                        e);
            }
            throw new Unreachable(
                    (status < 0 ? "no response" : "HTTP " + status) + ": " + e.getMessage());
        }
        String error = result.getError();
        if (error == null && result.getResults() != null) {
            for (QueryResult.Result r : result.getResults()) {
                if (r.getError() != null) {
                    error = r.getError();
                }
            }
        }
        if (error != null) {
            if (error.contains("authoriz") && text.startsWith("SHOW")) {
                return null; // a user without the admin privilege may not list: not checked
            }
            throw new IllegalStateException(
                    "InfluxDB at " + connection.url() + " refused '" + text + "': " + error);
        }
        return result;
    }

    /** The first column of every row; null when the result is not one (not listed). */
    private static List<String> names(QueryResult result) {
        if (result == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : r.getSeries()) {
                for (List<Object> row : s.getValues()) {
                    names.add(String.valueOf(row.get(0)));
                }
            }
        }
        return names;
    }
}
