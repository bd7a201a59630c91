package io.invicta.sinks.influxdb;

import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/**
 * influxdb-java clients for one {@link ConnectionOptions}, with the HTTP status of each request
 * captured by an OkHttp interceptor: the client's exceptions carry only the error text, and what to
 * do next (retry, isolate refused points, stop) depends on the status.
 */
final class InfluxClients {

    /** Last HTTP status seen by this thread's request, -1 when no response came. */
    private static final ThreadLocal<int[]> LAST_STATUS =
            ThreadLocal.withInitial(() -> new int[] {-1});

    private InfluxClients() {}

    static InfluxDB connect(ConnectionOptions connection) {
        OkHttpClient.Builder http =
                new OkHttpClient.Builder()
                        .connectTimeout(connection.connectTimeout())
                        .readTimeout(connection.readTimeout())
                        .writeTimeout(connection.readTimeout())
                        // retries are the caller's, with backoff and a deadline
                        .retryOnConnectionFailure(false)
                        .addInterceptor(
                                chain -> {
                                    okhttp3.Response response = chain.proceed(chain.request());
                                    LAST_STATUS.get()[0] = response.code();
                                    return response;
                                });
        String username = connection.username();
        String password = username == null ? null : connection.resolvePassword();
        InfluxDB client =
                username == null
                        ? InfluxDBFactory.connect(connection.url(), http)
                        : InfluxDBFactory.connect(
                                connection.url(), username, password == null ? "" : password, http);
        if (connection.gzip()) {
            client.enableGzip();
        }
        return client;
    }

    /** Forgets this thread's last status, before a request. */
    static void resetStatus() {
        LAST_STATUS.get()[0] = -1;
    }

    /** The HTTP status of this thread's last request, -1 when no response came. */
    static int lastStatus() {
        return LAST_STATUS.get()[0];
    }
}
