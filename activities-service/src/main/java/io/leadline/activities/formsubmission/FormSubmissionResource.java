package io.leadline.activities.formsubmission;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityReads;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.ActivityTypeResource;
import io.leadline.platform.read.FilterType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/form_submission/}: GET (filter {@code form_id}) and DELETE. */
@Path("/api/v1/activity/form_submission")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FormSubmissionResource extends ActivityTypeResource {

    @Inject
    FormSubmissions submissions;

    public FormSubmissionResource() {
        super(ActivityType.FORM_SUBMISSION, ActivityReads.builderOf(ActivityType.FORM_SUBMISSION)
                .filter("form_id", "a.form_id", FilterType.STRING)
                .build());
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return submissions.delete(callerContext.current(), id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
