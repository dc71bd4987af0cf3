package io.leadline.gateway.proxy;

import io.leadline.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The one pooled, keep-alive HTTP client the gateway talks to its services with. */
@ApplicationScoped
public class UpstreamClient {

    // per upstream host; the services are reactive, so many concurrent connections cost them little
    private static final int CONNECTIONS_PER_UPSTREAM = 256;

    private final HttpClient client;

    @Inject
    public UpstreamClient(Vertx vertx, GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis())
                .setDecompressionSupported(false);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_UPSTREAM));
    }

    public HttpClient http() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
