package io.leadline.activities.note;

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

/** Close's {@code /activity/note/} endpoints. */
@Path("/api/v1/activity/note")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource extends WritableActivityResource<Note> {

    @Inject
    NoteService notes;

    public NoteResource() {
        super(ActivityType.NOTE);
    }

    @Override
    protected Uni<Note> create(Caller caller, JsonNode body, String internalToken) {
        return notes.create(caller, NoteInput.forCreate(body, caller, internalToken));
    }

    @Override
    protected Uni<Note> update(Caller caller, String id, JsonNode body, String internalToken) {
        return notes.update(caller, id, NoteInput.forUpdate(body, caller, internalToken));
    }

    @Override
    protected Uni<Void> delete(Caller caller, String id) {
        return notes.delete(caller, id);
    }
}
