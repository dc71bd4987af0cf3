package io.leadline.activities.email;

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

/** Close's {@code /activity/email/} endpoints; an email put in the outbox wakes the sending worker. */
@Path("/api/v1/activity/email")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmailResource extends WritableActivityResource<Email> {

    @Inject
    EmailService emails;

    @Inject
    EmailSending sending;

    public EmailResource() {
        super(ActivityType.EMAIL);
    }

    @Override
    protected Uni<Email> create(Caller caller, JsonNode body, String internalToken) {
        return emails.create(caller, EmailInput.forCreate(body, caller, internalToken)).invoke(this::wakeSender);
    }

    @Override
    protected Uni<Email> update(Caller caller, String id, JsonNode body, String internalToken) {
        return emails.update(caller, id, EmailInput.forUpdate(body, caller, internalToken)).invoke(this::wakeSender);
    }

    @Override
    protected Uni<Void> delete(Caller caller, String id) {
        return emails.delete(caller, id);
    }

    /** Committed by now: a due email goes out at once rather than at the worker's next poll. */
    private void wakeSender(Email email) {
        if (email.waitsToBeSent()) {
            sending.nudge();
        }
    }
}
