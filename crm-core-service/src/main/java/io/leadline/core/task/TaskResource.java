package io.leadline.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.FieldSelection;
import io.leadline.platform.wire.FilterType;
import io.leadline.platform.wire.ListPage;
import io.leadline.platform.wire.ListQuery;
import io.leadline.platform.wire.ListSpec;
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

    static final ListSpec LIST = ListSpec.builder()
            .maxLimit(100)
            .filter("id", "id", FilterType.STRING)
            .filter("organization_id", "organizationId", FilterType.STRING)
            .filter("lead_id", "leadId", FilterType.STRING)
            .filter("assigned_to", "assignedTo", FilterType.STRING)
            .filter("is_complete", "isComplete", FilterType.BOOLEAN)
            // A date-only task counts from the start of its day (UTC), so date__lt=2024-05-02 includes 2024-05-01.
            .filter("date", "dateEffective", FilterType.DATETIME)
            .filter("due_date", "dateEffective", FilterType.DATETIME)
            .filter("date_created", "dateCreated", FilterType.DATETIME)
            .filter("date_updated", "dateUpdated", FilterType.DATETIME)
            .orderBy("date", "dateSort")
            .orderBy("date_created", "dateCreated")
            .defaultOrder("date")
            .ownParameters(TaskScope.OWN_PARAMETERS)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    TaskService tasks;

    @GET
    public Uni<ListPage<ObjectNode>> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        MultivaluedMap<String, String> params = uriInfo.getQueryParameters();
        TaskScope scope = readScope(params, caller);
        ListQuery query = ListQuery.parse(TaskScope.filterParameters(params), LIST);
        FieldSelection fields = query.fields();
        return tasks.list(caller, scope, query).map(page -> new ListPage<>(
                page.data().stream().map(view -> fields.apply(view.toJson())).toList(), page.hasMore(), null));
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
        ListQuery query = ListQuery.parse(TaskScope.filterParameters(params), LIST);
        return tasks.bulkUpdate(caller, scope, query, input).replaceWith(JsonNodeFactory.instance.objectNode());
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return tasks.get(caller, id).map(view -> FieldSelection.parse(fields).apply(view.toJson()));
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
