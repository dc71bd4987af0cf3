package io.leadline.activities.history;

import io.leadline.activities.activity.ActivityReads;
import io.leadline.activities.activity.ActivityType;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Close's {@code /activity/created/}: read-only, recorded when crm-core creates a lead. */
@Path("/api/v1/activity/created")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreatedResource {

    static final ReadTable TABLE = ActivityReads.builderOf(ActivityType.CREATED).build();

    @Inject
    CallerContext callerContext;

    @Inject
    ActivityReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        return reads.list(callerContext.current(), ActivityType.CREATED, TABLE, uriInfo.getQueryParameters());
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        return reads.one(callerContext.current(), TABLE, id, fields);
    }
}
