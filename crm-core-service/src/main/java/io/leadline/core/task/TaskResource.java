package io.leadline.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/** Close's {@code /task/} endpoints. */
@Path("/api/v1/task")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    CallerContext callerContext;

    @Inject
    TaskService tasks;

    @Inject
    JsonReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        MultivaluedMap<String, String> params = uriInfo.getQueryParameters();
        TaskScope scope = readScope(params, caller);
        ListQuery query = ListQuery.parse(TaskScope.filterParameters(params), TaskReads.TABLE);
        return reads.page(TaskReads.TABLE, caller.organizationId(), query, scope).map(JsonPage::envelope);
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        TaskInput input = TaskInput.forCreate(body);
        return tasks.create(caller, input).map(view -> FieldSelection.parse(fields).apply(view.toJson()));
    }

    /**
     * Bulk update of every task the query's filters match (same filters as the list, {@code _type} defaulting to
     * lead tasks). Close documents no response body; we answer {@code {}} like its other bulk writes.
     */
    @PUT
    public Uni<ObjectNode> bulkUpdate(@Context UriInfo uriInfo, JsonNode body) {
        Caller caller = callerContext.current();
        MultivaluedMap<String, String> params = uriInfo.getQueryParameters();
        TaskInput input = TaskInput.forBulkUpdate(body);
        TaskScope scope = readScope(params, caller);
        ListQuery query = ListQuery.parse(TaskScope.filterParameters(params), TaskReads.TABLE);
        input.body.throwIfInvalid();
        return tasks.matchingIds(caller.organizationId(), scope, query)
                .chain(ids -> tasks.bulkUpdate(caller, ids, input))
                .replaceWith(JsonNodeFactory.instance.objectNode());
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return reads.one(TaskReads.TABLE, caller.organizationId(), id, FieldSelection.parse(fields));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        TaskInput input = TaskInput.forUpdate(body);
        return tasks.update(caller, id, input).map(view -> FieldSelection.parse(fields).apply(view.toJson()));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return tasks.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }

    private static TaskScope readScope(MultivaluedMap<String, String> params, Caller caller) {
        FieldErrors errors = new FieldErrors();
        TaskScope scope = TaskScope.read(params, caller, errors);
        errors.throwIfAny();
        return scope;
    }
}
