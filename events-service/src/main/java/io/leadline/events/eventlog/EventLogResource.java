package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/v1/event/}: Close's event log, read-only. */
@Path("/api/v1/event")
@Produces(MediaType.APPLICATION_JSON)
public class EventLogResource {

    @Inject
    CallerContext callerContext;

    @Inject
    EventLogService service;

    @GET
    public Uni<ObjectNode> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        EventListQuery query = EventListQuery.parse(uriInfo.getQueryParameters());
        return service.list(caller, query).map(page -> EventJson.page(page, query.fields()));
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        FieldSelection selection = FieldSelection.parse(fields);
        return service.get(caller, id).map(selection::apply);
    }
}
