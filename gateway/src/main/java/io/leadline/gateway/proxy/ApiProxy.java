package io.leadline.gateway.proxy;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.http.EdgeResponses;
import io.leadline.gateway.http.RequestIds;
import io.leadline.gateway.principal.InternalTokenIssuer;
import io.leadline.gateway.principal.Principal;
import io.leadline.platform.security.InternalClaims;
import io.leadline.platform.wire.ValidationException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Forwards an authenticated /api request to the service that owns it, streaming both bodies untouched, with the
 * client's credentials swapped for an internal JWT.
 * <p>
 * This runs for every proxied request, on the event loop: header maps are copied whole and the dropped names removed
 * (case-insensitive lookups on constant names, no per-request sets or lower-cased copies), and a client that goes
 * away mid-request costs a debug line and the upstream exchange, never an error.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

    // RFC 9110 §7.6.1: meaningful for one connection only, never relayed
    private static final CharSequence[] HOP_BY_HOP = names("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    // replaced by the gateway's own values
    private static final CharSequence[] REPLACED_REQUEST_HEADERS = names("host", "authorization",
            InternalClaims.REQUEST_ID_HEADER, MethodOverride.HEADER);
    private static final CharSequence[] REPLACED_RESPONSE_HEADERS = names(InternalClaims.REQUEST_ID_HEADER,
            "ratelimit");
    private static final String BEARER = "Bearer ";

    @Inject
    UpstreamClient client;

    @Inject
    InternalTokenIssuer tokens;

    @Inject
    GatewayConfig config;

    /** Expects the request paused (the edge handler pauses it), so no body byte is lost before the pipe starts. */
    public void forward(RoutingContext context, Principal principal, Upstream upstream) {
        String token = tokens.reusableToken(principal);
        if (token != null) {
            forwardWithToken(context, upstream, token);
            return;
        }
        HttpServerRequest in = context.request();
        in.pause();
        tokens.tokenFor(principal).subscribe().with(
                minted -> forwardWithToken(context, upstream, minted),
                failure -> {
                    RequestIds.toLogContext(context);
                    LOG.error("Cannot mint the internal token", failure);
                    EdgeResponses.error(context, 500, "Internal server error.");
                });
    }

    private void forwardWithToken(RoutingContext context, Upstream upstream, String token) {
        HttpServerRequest in = context.request();
        Optional<HttpMethod> override = MethodOverride.requested(in);
        if (override.isPresent() && override.get() == HttpMethod.GET) {
            forwardAsGet(context, upstream, token);
            return;
        }
        HttpMethod method = override.orElse(in.method());
        String query = in.query();
        String uri = query == null ? pathOf(context) : pathOf(context) + "?" + query;
        MultiMap inHeaders = in.headers();
        // HTTP/2 frames bodies without either header, so there only an ended request is known to have none
        boolean hasBody = inHeaders.contains(HttpHeaders.CONTENT_LENGTH)
                || inHeaders.contains(HttpHeaders.TRANSFER_ENCODING)
                || (in.version() == HttpVersion.HTTP_2 && !in.isEnded());
        // the client gave up before we even asked: nothing to forward
        if (context.response().closed()) {
            LOG.debugf("Client went away before %s %s was forwarded", in.method(), uri);
            return;
        }
        in.pause();
        client.http().request(options(upstream, method, uri))
                .compose(request -> {
                    copyRequestHeaders(context, request.headers(), token);
                    watchClient(context, request);
                    if (hasBody) {
                        return request.send(in);
                    }
                    in.resume();
                    return request.send();
                })
                .onSuccess(response -> relay(context, upstream, response))
                .onFailure(failure -> unreachable(context, upstream, failure));
    }

    /** Buffers the small {@code _params} body, turns it into the query string and sends a body-less GET. */
    private void forwardAsGet(RoutingContext context, Upstream upstream, String token) {
        HttpServerRequest in = context.request();
        Future<Buffer> body = in.body();
        in.resume();
        body.onFailure(failure -> EdgeResponses.error(context, 400, "The request body could not be read."))
                .onSuccess(buffer -> {
                    String query;
                    try {
                        query = MethodOverride.query(in.query(), buffer);
                    } catch (ValidationException invalid) {
                        EdgeResponses.validation(context, invalid);
                        return;
                    }
                    String uri = pathOf(context) + (query.isEmpty() ? "" : "?" + query);
                    client.http().request(options(upstream, HttpMethod.GET, uri))
                            .compose(request -> {
                                copyRequestHeaders(context, request.headers(), token);
                                request.headers().remove(HttpHeaders.CONTENT_TYPE).remove(HttpHeaders.CONTENT_LENGTH);
                                watchClient(context, request);
                                return request.send();
                            })
                            .onSuccess(response -> relay(context, upstream, response))
                            .onFailure(failure -> unreachable(context, upstream, failure));
                });
    }

    private RequestOptions options(Upstream upstream, HttpMethod method, String uri) {
        return upstream.request(method, uri)
                .setConnectTimeout(config.upstreamConnectTimeout().toMillis())
                .setIdleTimeout(config.upstreamIdleTimeout().toMillis());
    }

    /** The normalized path, so the route decision and what the service sees can never disagree (no "../" tricks). */
    private static String pathOf(RoutingContext context) {
        return context.normalizedPath();
    }

    private static void copyRequestHeaders(RoutingContext context, MultiMap headers, String token) {
        HttpServerRequest in = context.request();
        headers.addAll(in.headers());
        String connection = in.headers().get(HttpHeaders.CONNECTION);
        removeConnectionHeaders(headers, connection);
        remove(headers, REPLACED_REQUEST_HEADERS);
        headers.set(HttpHeaders.AUTHORIZATION, BEARER + token);
        headers.set(InternalClaims.REQUEST_ID_HEADER, RequestIds.of(context));
    }

    /**
     * A client that disconnects while its request is at the service cancels the exchange there: the service's answer
     * would have nowhere to go. (An end handler, not the response's close handler, which Vert.x Web owns.)
     */
    private static void watchClient(RoutingContext context, HttpClientRequest request) {
        request.exceptionHandler(failure -> LOG.debugf("Upstream request ended early: %s", failure));
        context.addEndHandler(ended -> {
            if (ended.failed() && request.reset()) {
                LOG.debugf("Client went away during %s %s (%s); upstream request reset", request.getMethod(),
                        request.getURI(), ended.cause());
            }
        });
    }

    private static void relay(RoutingContext context, Upstream upstream, HttpClientResponse response) {
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
        String connection = relayed.get(HttpHeaders.CONNECTION);
        removeConnectionHeaders(relayed, connection);
        remove(relayed, REPLACED_RESPONSE_HEADERS);
        String location = relayed.get(HttpHeaders.LOCATION);
        if (location != null) {
            relayed.set(HttpHeaders.LOCATION, LocationRewriter.rewrite(location, upstream, context.request()));
        }
        out.headers().addAll(relayed);
        if (!relayed.contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(context, response.statusCode())) {
            out.setChunked(true);
        }
        stream(upstream, response, out);
    }

    /**
     * The response body, chunk by chunk, pausing the service while the client is behind. Not Vert.x's pipe: once the
     * client is gone, chunks already read from the service must be dropped quietly, where the pipe still asks the
     * closed response whether its queue is full and fails with an uncaught IllegalStateException.
     */
    private static void stream(Upstream upstream, HttpClientResponse response, HttpServerResponse out) {
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

    private static boolean mayHaveBody(RoutingContext context, int status) {
        return context.request().method() != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    private static void unreachable(RoutingContext context, Upstream upstream, Throwable failure) {
        // over HTTP/1.1 only the gateway resets its requests, and only for a client that went away (watchClient)
        if (failure instanceof StreamResetException || gone(context.response())) {
            LOG.debugf("Upstream %s exchange ended after the client went away: %s", upstream.name(), failure);
            return;
        }
        boolean timedOut = failure instanceof java.util.concurrent.TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout");
        RequestIds.toLogContext(context);
        LOG.warnf("Upstream %s failed for %s %s: %s", upstream.name(), context.request().method(),
                context.normalizedPath(), failure.toString());
        if (timedOut) {
            EdgeResponses.error(context, 504, "The service did not answer in time. Please retry later.");
        } else {
            EdgeResponses.error(context, 503, "The service is temporarily unavailable. Please retry later.");
        }
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
