package io.leadline.activities.activity;

import io.leadline.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Close's union list {@code GET /activity/}: every type, each item with its {@code _type}. */
@Path("/api/v1/activity")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    CallerContext callerContext;

    @Inject
    ActivityReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        return reads.union(callerContext.current(), uriInfo.getQueryParameters());
    }
}
