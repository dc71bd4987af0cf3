package io.leadline.activities.activity;

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

/**
 * What every {@code /activity/<type>/} path answers: its list and one activity, each one statement over the type's
 * table. A type's resource names its path and type and adds the writes Close has for it.
 */
// Quarkus REST takes a method's media types from the class that declares it, not from the subclass
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class ActivityTypeResource {

    @Inject
    protected CallerContext callerContext;

    @Inject
    ActivityReads reads;

    private final ActivityType type;
    private final ReadTable table;

    protected ActivityTypeResource(ActivityType type, ReadTable table) {
        this.type = type;
        this.table = table;
    }

    protected ActivityTypeResource(ActivityType type) {
        this(type, ActivityReads.builderOf(type).build());
    }

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        return reads.list(callerContext.current(), type, table, uriInfo.getQueryParameters());
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        return reads.one(callerContext.current(), table, id, fields);
    }
}
