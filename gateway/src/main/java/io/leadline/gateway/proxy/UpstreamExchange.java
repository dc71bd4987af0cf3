package io.leadline.gateway.proxy;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.http.EdgeResponses;
import io.leadline.gateway.http.RequestIds;
import io.leadline.platform.security.InternalClaims;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One forwarded request: sends it to the service, streams the client's body after it, relays the answer.
 * <p>
 * A pooled keep-alive connection can be closed by the service just as the gateway picks it (an idle timeout, a
 * restart). A request that lost its connection before any of its body was written goes out once more, on a fresh
 * connection: the gateway still has all of it. One whose body had started to flow cannot be replayed (the gateway
 * streams bodies, it does not keep them), and the service may or may not have acted on it: that is a 502, which
 * says so. Nothing is retried twice.
 * <p>
 * Every callback here runs later, on the event loop; each answers the client whatever happens
 * ({@link EdgeResponses#guarded}), so no request is left paused until the connection times out.
 */
final class UpstreamExchange {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class);

    // RFC 9110 §7.6.1: meaningful for one connection only, never relayed
    private static final CharSequence[] HOP_BY_HOP = names("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    // replaced by the gateway's own values
    private static final CharSequence[] REPLACED_REQUEST_HEADERS = names("host", "authorization",
            InternalClaims.REQUEST_ID_HEADER, MethodOverride.HEADER);
    private static final CharSequence[] REPLACED_RESPONSE_HEADERS = names(InternalClaims.REQUEST_ID_HEADER,
            "ratelimit");
    private static final String BEARER = "Bearer ";

    private final RoutingContext context;
    private final Upstream upstream;
    private final UpstreamClient clients;
    private final GatewayConfig config;
    private final HttpMethod method;
    private final String uri;
    private final String token;
    /** The client's request when its body is to be streamed; null for a body-less request. */
    private final HttpServerRequest body;
    private final Consumer<MultiMap> adjustHeaders;

    private int attempt;
    private boolean bodyWritten;
    private boolean bodyEnded;

    UpstreamExchange(RoutingContext context, Upstream upstream, UpstreamClient clients, GatewayConfig config,
                     HttpMethod method, String uri, String token, HttpServerRequest body,
                     Consumer<MultiMap> adjustHeaders) {
        this.context = context;
        this.upstream = upstream;
        this.clients = clients;
        this.config = config;
        this.method = method;
        this.uri = uri;
        this.token = token;
        this.body = body;
        this.adjustHeaders = adjustHeaders;
    }

    void start() {
        send(clients.http());
    }

    private void send(HttpClient http) {
        int current = ++attempt;
        RequestOptions options = upstream.request(method, uri)
                .setConnectTimeout(config.upstreamConnectTimeout().toMillis())
                .setIdleTimeout(config.upstreamIdleTimeout().toMillis());
        http.request(options).onComplete(connected -> EdgeResponses.guarded(context, () -> {
            if (connected.failed()) {
                failed(current, connected.cause());
                return;
            }
            HttpClientRequest request = connected.result();
            copyRequestHeaders(request.headers());
            watchClient(request);
            request.response().onComplete(answered -> EdgeResponses.guarded(context, () -> {
                if (answered.succeeded()) {
                    relay(answered.result());
                } else {
                    failed(current, answered.cause());
                }
            }));
            if (body == null) {
                request.end();
            } else {
                streamBody(current, request);
            }
        }));
    }

    /** The client's body, chunk by chunk, pausing the client while the service is behind. */
    private void streamBody(int current, HttpClientRequest request) {
        if (!request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            request.setChunked(true);
        }
        if (bodyEnded) {
            request.end(); // an empty body that ended before the retry: nothing else will come
            return;
        }
        body.handler(chunk -> {
            if (current != attempt) {
                return;
            }
            bodyWritten = true;
            request.write(chunk);
            if (request.writeQueueFull()) {
                body.pause();
                request.drainHandler(drained -> body.resume());
            }
        });
        body.endHandler(ended -> {
            bodyEnded = true;
            if (current == attempt) {
                request.end();
            }
        });
        body.resume();
    }

    private void failed(int current, Throwable failure) {
        if (current != attempt) {
            return; // an attempt that was already given up on
        }
        HttpServerResponse out = context.response();
        // over HTTP/1.1 only the gateway resets its requests, and only for a client that went away (watchClient)
        if (failure instanceof StreamResetException || gone(out)) {
            LOG.debugf("Upstream %s exchange ended after the client went away: %s", upstream.name(), failure);
            return;
        }
        if (lostConnection(failure) && !bodyWritten && current == 1) {
            LOG.debugf("Upstream %s closed the connection before %s %s was written (%s); retrying on a fresh one",
                    upstream.name(), method, uri, failure);
            if (body != null) {
                body.pause();
            }
            send(clients.freshConnection());
            return;
        }
        RequestIds.toLogContext(context);
        LOG.warnf("Upstream %s failed for %s %s: %s", upstream.name(), context.request().method(),
                context.normalizedPath(), failure.toString());
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            EdgeResponses.error(context, 504, "The service did not answer in time. Please retry later.");
        } else if (lostConnection(failure) && bodyWritten) {
            EdgeResponses.error(context, 502, "The service closed the connection while the request was being sent; "
                    + "it may or may not have been applied. Check before retrying.");
        } else {
            EdgeResponses.error(context, 503, "The service is temporarily unavailable. Please retry later.");
        }
    }

    /** The connection went away under the request (closed or reset by the service), as opposed to never opening. */
    private static boolean lostConnection(Throwable failure) {
        return failure instanceof HttpClosedException
                || (failure instanceof IOException && !(failure instanceof ConnectException));
    }

    private void copyRequestHeaders(MultiMap headers) {
        HttpServerRequest in = context.request();
        headers.addAll(in.headers());
        removeConnectionHeaders(headers, in.headers().get(HttpHeaders.CONNECTION));
        remove(headers, REPLACED_REQUEST_HEADERS);
        ForwardedHeaders.replace(headers, in);
        headers.set(HttpHeaders.AUTHORIZATION, BEARER + token);
        headers.set(InternalClaims.REQUEST_ID_HEADER, RequestIds.of(context));
        if (adjustHeaders != null) {
            adjustHeaders.accept(headers);
        }
    }

    /**
     * A client that disconnects while its request is at the service cancels the exchange there: the service's answer
     * would have nowhere to go. (An end handler, not the response's close handler, which Vert.x Web owns.)
     */
    private void watchClient(HttpClientRequest request) {
        request.exceptionHandler(failure -> LOG.debugf("Upstream request ended early: %s", failure));
        context.addEndHandler(ended -> {
            if (ended.failed() && request.reset()) {
                LOG.debugf("Client went away during %s %s (%s); upstream request reset", request.getMethod(),
                        request.getURI(), ended.cause());
            }
        });
    }

    private void relay(HttpClientResponse response) {
        HttpServerResponse out = context.response();
        if (out.closed()) {
            response.exceptionHandler(failure -> LOG.debugf("Dropped the response of %s: %s", upstream.name(),
                    failure));
            LOG.debugf("Client went away before the response of %s arrived", upstream.name());
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        MultiMap relayed = response.headers();
        removeConnectionHeaders(relayed, relayed.get(HttpHeaders.CONNECTION));
        remove(relayed, REPLACED_RESPONSE_HEADERS);
        String location = relayed.get(HttpHeaders.LOCATION);
        if (location != null) {
            relayed.set(HttpHeaders.LOCATION, LocationRewriter.rewrite(location, upstream, context.request()));
        }
        out.headers().addAll(relayed);
        if (!relayed.contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(response.statusCode())) {
            out.setChunked(true);
        }
        stream(response, out);
    }

    /**
     * The response body, chunk by chunk, pausing the service while the client is behind. Not Vert.x's pipe: once the
     * client is gone, chunks already read from the service must be dropped quietly, where the pipe still asks the
     * closed response whether its queue is full and fails with an uncaught IllegalStateException.
     */
    private void stream(HttpClientResponse response, HttpServerResponse out) {
        response.exceptionHandler(failure -> {
            LOG.debugf("Relaying the response of %s failed: %s", upstream.name(), failure);
            if (!gone(out)) {
                out.reset();
            }
        });
        response.handler(chunk -> {
            if (gone(out)) {
                return; // the upstream request is being reset (see watchClient)
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                response.pause();
                out.drainHandler(drained -> response.resume());
            }
        });
        response.endHandler(ended -> {
            if (!gone(out)) {
                out.end();
            }
        });
    }

    private static boolean gone(HttpServerResponse out) {
        return out.closed() || out.ended();
    }

    private boolean mayHaveBody(int status) {
        return context.request().method() != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    /** Drops the hop-by-hop headers and every header the {@code Connection} header names (RFC 9110 §7.6.1). */
    private static void removeConnectionHeaders(MultiMap headers, String connection) {
        if (connection != null) {
            int start = 0;
            while (start <= connection.length()) {
                int comma = connection.indexOf(',', start);
                int end = comma < 0 ? connection.length() : comma;
                String name = connection.substring(start, end).trim();
                if (!name.isEmpty()) {
                    headers.remove(name);
                }
                start = end + 1;
            }
        }
        remove(headers, HOP_BY_HOP);
    }

    private static void remove(MultiMap headers, CharSequence[] names) {
        for (CharSequence name : names) {
            headers.remove(name);
        }
    }

    /** Netty's AsciiString hashes once and compares case-insensitively in Vert.x's header maps. */
    private static CharSequence[] names(String... names) {
        CharSequence[] ascii = new CharSequence[names.length];
        for (int i = 0; i < names.length; i++) {
            ascii[i] = HttpHeaders.createOptimized(names[i]);
        }
        return ascii;
    }
}
