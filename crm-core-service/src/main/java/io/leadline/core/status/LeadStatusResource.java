package io.leadline.core.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.ListPage;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Read-only list of the organization's lead statuses (full CRUD comes with the statuses issue). */
@Path("/api/v1/status/lead")
@Produces(MediaType.APPLICATION_JSON)
public class LeadStatusResource {

    @Inject
    CallerContext callerContext;

    @Inject
    LeadStatusRepository statuses;

    @GET
    @WithSession
    public Uni<ListPage<ObjectNode>> list() {
        Caller caller = callerContext.current();
        // An organization has a handful of statuses, so one page always holds all of them.
        return statuses.listOrdered(caller.organizationId())
                .map(rows -> new ListPage<>(rows.stream().map(LeadStatusJson::toJson).toList(), false, null));
    }
}
