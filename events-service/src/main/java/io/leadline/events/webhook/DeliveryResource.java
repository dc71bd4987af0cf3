package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.RequestBody;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/**
 * Leadline's extensions to Close's webhooks (README "Webhooks"): a subscription's deliveries with every attempt,
 * redelivering one, and replaying the stored events since a date. The caller must be allowed to manage the
 * subscription (admins: all of the organization's; others: their own), else 404.
 */
@Path("/api/v1/webhook/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    @Inject
    CallerContext callerContext;

    @Inject
    DeliveryService deliveries;

    @GET
    @Path("delivery")
    public Uni<ObjectNode> list(@PathParam("id") String id, @QueryParam("_skip") String skip,
                                @QueryParam("_limit") String limit) {
        Caller caller = callerContext.current();
        FieldErrors errors = new FieldErrors();
        int skipped = bounded(skip, "_skip", 0, 0, Integer.MAX_VALUE, errors);
        int limited = bounded(limit, "_limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        errors.throwIfAny();
        return deliveries.list(caller, id, skipped, limited);
    }

    @POST
    @Path("delivery/{deliveryId}/redeliver")
    public Uni<ObjectNode> redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return deliveries.redeliver(callerContext.current(), id, deliveryId);
    }

    @POST
    @Path("replay")
    public Uni<ObjectNode> replay(@PathParam("id") String id, JsonNode json) {
        RequestBody body = RequestBody.of(json);
        Instant since = body.datetime("date_updated__gte");
        if (since == null && !body.errors().has("date_updated__gte")) {
            body.fail("date_updated__gte", RequestBody.REQUIRED);
        }
        body.throwIfInvalid();
        return deliveries.replay(callerContext.current(), id, since);
    }

    private static int bounded(String text, String name, int fallback, int min, int max, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(name, "Ensure this value is an integer between " + min + " and " + max + ".");
        return fallback;
    }
}
