package io.leadline.gateway.proxy;

import io.leadline.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The HTTP clients the gateway talks to its services with: one pooled and kept alive (every request), and one that
 * opens a fresh connection per request (the single retry of a request that a pooled connection lost unsent).
 * <p>
 * Pooled connections idle for {@code leadline.gateway.upstream-keep-alive-timeout} (20 s) are closed by the gateway,
 * well before the services' own idle timeout (75 s): so it is the gateway that ends an idle connection, and it never
 * picks one the service is closing at that very moment.
 */
@ApplicationScoped
public class UpstreamClient {

    // per upstream host; the services are reactive, so many concurrent connections cost them little
    private static final int CONNECTIONS_PER_UPSTREAM = 256;

    private final HttpClient pooled;
    private final HttpClient fresh;

    @Inject
    public UpstreamClient(Vertx vertx, GatewayConfig config) {
        int keepAliveSeconds = (int) Math.max(1, config.upstreamKeepAliveTimeout().toSeconds());
        this.pooled = vertx.createHttpClient(options(config).setKeepAlive(true).setKeepAliveTimeout(keepAliveSeconds),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_UPSTREAM));
        this.fresh = vertx.createHttpClient(options(config).setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_UPSTREAM));
    }

    private static HttpClientOptions options(GatewayConfig config) {
        return new HttpClientOptions()
                .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis())
                .setDecompressionSupported(false);
    }

    /** The keep-alive pool every request starts on. */
    public HttpClient http() {
        return pooled;
    }

    /** A new connection for each request, closed after it: for a retry that must not meet a stale connection. */
    public HttpClient freshConnection() {
        return fresh;
    }

    @PreDestroy
    void close() {
        pooled.close();
        fresh.close();
    }
}
