package io.leadline.gateway.proxy;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.http.EdgeResponses;
import io.leadline.gateway.http.RequestIds;
import io.leadline.gateway.principal.InternalTokenIssuer;
import io.leadline.gateway.principal.Principal;
import io.leadline.platform.wire.ValidationException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Forwards an authenticated /api request to the service that owns it, streaming both bodies untouched, with the
 * client's credentials swapped for an internal JWT. The exchange itself (attempts, body, relay) is
 * {@link UpstreamExchange}'s.
 * <p>
 * This runs for every proxied request, on the event loop: header maps are copied whole and the dropped names removed
 * (case-insensitive lookups on constant names, no per-request sets or lower-cased copies), and a client that goes
 * away mid-request costs a debug line and the upstream exchange, never an error.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

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
                minted -> EdgeResponses.guarded(context, () -> forwardWithToken(context, upstream, minted)),
                failure -> {
                    RequestIds.toLogContext(context);
                    LOG.error("Cannot mint the internal token", failure);
                    EdgeResponses.error(context, 500, "Internal server error.");
                });
    }

    private void forwardWithToken(RoutingContext context, Upstream upstream, String token) {
        HttpServerRequest in = context.request();
        // the edge handler refused invalid overrides already; here only "is it a tunnelled GET" is left
        if (MethodOverride.of(in) == MethodOverride.Kind.GET) {
            readOverrideBody(context, upstream, token);
            return;
        }
        String query = in.query();
        String uri = query == null ? pathOf(context) : pathOf(context) + "?" + query;
        var inHeaders = in.headers();
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
        new UpstreamExchange(context, upstream, client, config, in.method(), uri, token, hasBody ? in : null, null)
                .start();
    }

    /**
     * Buffers the small {@code _params} body (at most leadline.gateway.method-override-max-body-bytes, else 413),
     * turns it into the query string and sends a body-less GET.
     */
    private void readOverrideBody(RoutingContext context, Upstream upstream, String token) {
        HttpServerRequest in = context.request();
        int limit = config.methodOverrideMaxBodyBytes();
        String declared = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared, limit)) {
            tooLarge(context, limit);
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        in.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                refused[0] = true;
                tooLarge(context, limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        in.exceptionHandler(failure -> {
            if (!refused[0]) {
                refused[0] = true;
                LOG.debugf("Reading a method-override body failed: %s", failure);
                EdgeResponses.error(context, 400, "The request body could not be read.");
            }
        });
        in.endHandler(ended -> EdgeResponses.guarded(context, () -> {
            if (!refused[0]) {
                sendOverriddenGet(context, upstream, token, body);
            }
        }));
        in.resume();
    }

    private void sendOverriddenGet(RoutingContext context, Upstream upstream, String token, Buffer body) {
        HttpServerRequest in = context.request();
        String query;
        try {
            query = MethodOverride.query(in.query(), body);
        } catch (ValidationException invalid) {
            EdgeResponses.validation(context, invalid);
            return;
        }
        String uri = pathOf(context) + (query.isEmpty() ? "" : "?" + query);
        new UpstreamExchange(context, upstream, client, config, HttpMethod.GET, uri, token, null,
                headers -> headers.remove(HttpHeaders.CONTENT_TYPE).remove(HttpHeaders.CONTENT_LENGTH)).start();
    }

    private static boolean exceeds(String contentLength, int limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false; // Vert.x refuses a malformed Content-Length before this runs; the running count still applies
        }
    }

    /** 413, and the connection closes after it: the rest of an oversized body is not worth reading. */
    private static void tooLarge(RoutingContext context, int limit) {
        if (context.request().version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        EdgeResponses.error(context, 413, "The body of a method-overridden request may be at most " + limit
                + " bytes: it only carries _params.");
    }

    /** The normalized path, so the route decision and what the service sees can never disagree (no "../" tricks). */
    private static String pathOf(RoutingContext context) {
        return context.normalizedPath();
    }
}
