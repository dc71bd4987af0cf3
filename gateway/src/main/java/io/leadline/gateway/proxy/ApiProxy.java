package io.leadline.gateway.proxy;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.edge.EdgeResponses;
import io.leadline.gateway.edge.InternalTokenIssuer;
import io.leadline.gateway.edge.Principal;
import io.leadline.gateway.edge.RequestIds;
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
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Forwards an authenticated /api request to the service that owns it, streaming both bodies untouched, with the
 * client's credentials swapped for an internal JWT.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

    // RFC 9110 §7.6.1: meaningful for one connection only, never relayed
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    // replaced by the gateway's own values
    private static final Set<String> REPLACED_REQUEST_HEADERS = Set.of("host", "authorization",
            InternalClaims.REQUEST_ID_HEADER.toLowerCase(Locale.ROOT), MethodOverride.HEADER);
    private static final Set<String> REPLACED_RESPONSE_HEADERS = Set.of(
            InternalClaims.REQUEST_ID_HEADER.toLowerCase(Locale.ROOT), "ratelimit");

    @Inject
    UpstreamClient client;

    @Inject
    InternalTokenIssuer tokens;

    @Inject
    GatewayConfig config;

    /** Expects the request paused (the edge handler pauses it), so no body byte is lost before the pipe starts. */
    public void forward(RoutingContext context, Principal principal, Upstream upstream) {
        HttpServerRequest in = context.request();
        in.pause();
        tokens.tokenFor(principal).subscribe().with(
                token -> forwardWithToken(context, upstream, token),
                failure -> {
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
        String uri = pathOf(context) + (in.query() == null ? "" : "?" + in.query());
        MultiMap headers = requestHeaders(context, token);
        // HTTP/2 frames bodies without either header, so there only an ended request is known to have none
        boolean hasBody = in.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || in.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (in.version() == HttpVersion.HTTP_2 && !in.isEnded());
        client.http().request(options(upstream, method, uri, headers))
                .compose(request -> {
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
                    MultiMap headers = requestHeaders(context, token);
                    headers.remove(HttpHeaders.CONTENT_TYPE).remove(HttpHeaders.CONTENT_LENGTH);
                    String uri = pathOf(context) + (query.isEmpty() ? "" : "?" + query);
                    client.http().request(options(upstream, HttpMethod.GET, uri, headers))
                            .compose(HttpClientRequest::send)
                            .onSuccess(response -> relay(context, upstream, response))
                            .onFailure(failure -> unreachable(context, upstream, failure));
                });
    }

    private RequestOptions options(Upstream upstream, HttpMethod method, String uri, MultiMap headers) {
        return new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(upstream.baseUrl() + uri)
                .setHeaders(headers)
                .setConnectTimeout(config.upstreamConnectTimeout().toMillis())
                .setIdleTimeout(config.upstreamIdleTimeout().toMillis());
    }

    /** The normalized path, so the route decision and what the service sees can never disagree (no "../" tricks). */
    private static String pathOf(RoutingContext context) {
        return context.normalizedPath();
    }

    private static MultiMap requestHeaders(RoutingContext context, String token) {
        HttpServerRequest in = context.request();
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        dropped.addAll(REPLACED_REQUEST_HEADERS);
        dropped.addAll(connectionTokens(in.getHeader(HttpHeaders.CONNECTION)));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        in.headers().forEach(header -> {
            if (!dropped.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        headers.set(InternalClaims.REQUEST_ID_HEADER, RequestIds.of(context));
        return headers;
    }

    private static void relay(RoutingContext context, Upstream upstream, HttpClientResponse response) {
        HttpServerResponse out = context.response();
        if (out.closed()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        dropped.addAll(REPLACED_RESPONSE_HEADERS);
        dropped.addAll(connectionTokens(response.getHeader(HttpHeaders.CONNECTION)));
        response.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (dropped.contains(name)) {
                return;
            }
            String value = name.equals("location")
                    ? LocationRewriter.rewrite(header.getValue(), upstream, context.request())
                    : header.getValue();
            out.headers().add(header.getKey(), value);
        });
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(context, response.statusCode())) {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(failure -> {
            LOG.debugf(failure, "Relaying the response of %s failed", upstream.name());
            response.request().reset();
            if (!out.closed()) {
                out.reset();
            }
        });
    }

    private static boolean mayHaveBody(RoutingContext context, int status) {
        return context.request().method() != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    private static void unreachable(RoutingContext context, Upstream upstream, Throwable failure) {
        boolean timedOut = failure instanceof java.util.concurrent.TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout");
        LOG.warnf("Upstream %s failed for %s %s: %s", upstream.name(), context.request().method(),
                context.normalizedPath(), failure.toString());
        if (timedOut) {
            EdgeResponses.error(context, 504, "The service did not answer in time. Please retry later.");
        } else {
            EdgeResponses.error(context, 503, "The service is temporarily unavailable. Please retry later.");
        }
    }

    private static Set<String> connectionTokens(String connection) {
        Set<String> names = new HashSet<>();
        if (connection != null) {
            for (String token : connection.split(",")) {
                names.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
