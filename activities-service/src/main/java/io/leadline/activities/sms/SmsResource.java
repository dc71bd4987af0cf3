package io.leadline.activities.sms;

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

/** Close's {@code /activity/sms/} endpoints. */
@Path("/api/v1/activity/sms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SmsResource extends WritableActivityResource<Sms> {

    @Inject
    SmsService sms;

    public SmsResource() {
        super(ActivityType.SMS);
    }

    @Override
    protected Uni<Sms> create(Caller caller, JsonNode body, String internalToken) {
        return sms.create(caller, SmsInput.forCreate(body, caller, internalToken));
    }

    @Override
    protected Uni<Sms> update(Caller caller, String id, JsonNode body, String internalToken) {
        return sms.update(caller, id, SmsInput.forUpdate(body, caller, internalToken));
    }

    @Override
    protected Uni<Void> delete(Caller caller, String id) {
        return sms.delete(caller, id);
    }
}
