package io.leadline.gateway.http;

import io.leadline.platform.wire.ValidationException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;

/** Close-shaped error bodies written straight from Vert.x handlers, where no JAX-RS exception mapper runs. */
public final class EdgeResponses {

    private static final Logger LOG = Logger.getLogger(EdgeResponses.class);

    private EdgeResponses() {
    }

    /**
     * Runs a step of the request's handling that was scheduled for later (a Mutiny subscriber, a Vert.x future
     * callback): a failure there would otherwise be swallowed or logged as unhandled, and the request would stay
     * paused until the connection times out. Whatever fails still gets an answer.
     */
    public static void guarded(RoutingContext context, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException failure) {
            RequestIds.toLogContext(context);
            LOG.error("Handling the request failed", failure);
            error(context, 500, "Internal server error.");
        }
    }

    /** 429 for an address that failed to authenticate too often; {@code Retry-After} says when it may try again. */
    public static void tooManyFailures(RoutingContext context, long retryAfterSeconds) {
        context.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        error(context, 429, "Too many failed authentication attempts from this address. Retry after "
                + retryAfterSeconds + " seconds.");
    }

    public static void error(RoutingContext context, int status, String message) {
        json(context, status, new JsonObject().put("error", message));
    }

    /** Close's 400 shape, {@code {"errors": [...], "field-errors": {...}}}. */
    public static void validation(RoutingContext context, ValidationException invalid) {
        json(context, 400, new JsonObject()
                .put("errors", new JsonArray(invalid.errors()))
                .put("field-errors", new JsonObject(new LinkedHashMap<>(invalid.fieldErrors()))));
    }

    public static void json(RoutingContext context, int status, JsonObject body) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return; // answered already, or nobody is listening any more
        }
        if (response.headWritten()) {
            // too late for a clean answer: cut the connection so the client sees a failure, not a truncated body
            response.reset();
            return;
        }
        // an unread request body must not stall the connection behind a finished response
        context.request().resume();
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.encode());
    }
}
