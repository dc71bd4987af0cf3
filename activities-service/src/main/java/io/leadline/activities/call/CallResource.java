package io.leadline.activities.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.WritableActivityResource;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/call/} endpoints. */
@Path("/api/v1/activity/call")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallResource extends WritableActivityResource<Call> {

    @Inject
    CallService calls;

    public CallResource() {
        super(ActivityType.CALL);
    }

    @Override
    protected Uni<Call> create(Caller caller, JsonNode body, String internalToken) {
        return calls.create(caller, CallInput.forCreate(body, caller, internalToken));
    }

    @Override
    protected Uni<Call> update(Caller caller, String id, JsonNode body, String internalToken) {
        return calls.update(caller, id, CallInput.forUpdate(body, caller, internalToken));
    }

    @Override
    protected Uni<Void> delete(Caller caller, String id) {
        return calls.delete(caller, id);
    }
}
