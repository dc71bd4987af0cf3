package io.leadline.activities.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.activities.activity.ActivityReads;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.WritableActivityResource;
import io.leadline.platform.read.FilterType;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/whatsapp_message/}; its list also filters by {@code external_whatsapp_message_id}. */
@Path("/api/v1/activity/whatsapp_message")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WhatsAppResource extends WritableActivityResource<WhatsAppMessage> {

    @Inject
    WhatsAppService messages;

    public WhatsAppResource() {
        super(ActivityType.WHATSAPP_MESSAGE, ActivityReads.builderOf(ActivityType.WHATSAPP_MESSAGE)
                .filter("external_whatsapp_message_id", "a.external_whatsapp_message_id", FilterType.STRING)
                .build());
    }

    @Override
    protected Uni<WhatsAppMessage> create(Caller caller, JsonNode body, String internalToken) {
        return messages.create(caller, WhatsAppInput.forCreate(body, caller, internalToken));
    }

    @Override
    protected Uni<WhatsAppMessage> update(Caller caller, String id, JsonNode body, String internalToken) {
        return messages.update(caller, id, WhatsAppInput.forUpdate(body, caller, internalToken));
    }

    @Override
    protected Uni<Void> delete(Caller caller, String id) {
        return messages.delete(caller, id);
    }
}
