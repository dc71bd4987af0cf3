package io.leadline.gateway.http;

import io.leadline.platform.wire.ValidationException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;

/** Close-shaped error bodies written straight from Vert.x handlers, where no JAX-RS exception mapper runs. */
public final class EdgeResponses {

    private EdgeResponses() {
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
