package io.leadline.activities.email;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityType;
import io.leadline.activities.activity.ActivityTypeResource;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code /activity/emailthread/}: threads are derived from emails; deleting one deletes its emails. */
@Path("/api/v1/activity/emailthread")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmailThreadResource extends ActivityTypeResource {

    @Inject
    EmailThreads threads;

    public EmailThreadResource() {
        super(ActivityType.EMAIL_THREAD);
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return threads.delete(callerContext.current(), id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
