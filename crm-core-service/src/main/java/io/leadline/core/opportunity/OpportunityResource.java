package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.FieldSelection;
import io.leadline.platform.wire.FilterType;
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

import java.util.List;
import java.util.Objects;

/** Close's {@code /opportunity/} endpoints. */
@Path("/api/v1/opportunity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    private static final String ANNUALIZED = "(case when o.valuePeriod = 'monthly' then o.value * 12 else o.value end)";

    /** Filter paths use the aliases of {@link OpportunityRepository#FROM}: o (opportunity), s (its status). */
    static final ListSpec LIST = ListSpec.builder()
            .maxLimit(100)
            .idPath("o.id")
            .filter("id", "o.id", FilterType.STRING)
            .filter("organization_id", "o.organizationId", FilterType.STRING)
            .filter("lead_id", "o.leadId", FilterType.STRING)
            .filter("contact_id", "o.contactId", FilterType.STRING)
            .filter("user_id", "o.userId", FilterType.STRING)
            .filter("status_id", "o.statusId", FilterType.STRING)
            .filter("status_type", "s.type", FilterType.STRING)
            .filter("status_label", "s.label", FilterType.STRING)
            .filter("status", "s.label", FilterType.STRING)
            .filter("pipeline_id", "s.pipelineId", FilterType.STRING)
            .filter("value_period", "o.valuePeriod", FilterType.STRING)
            .filter("confidence", "cast(o.confidence as Long)", FilterType.INTEGER)
            .filter("value", "o.value", FilterType.INTEGER)
            .filter("date_won", "o.dateWon", FilterType.DATE)
            .filter("date_lost", "o.dateLost", FilterType.DATE)
            .filter("date_created", "o.dateCreated", FilterType.DATETIME)
            .filter("date_updated", "o.dateUpdated", FilterType.DATETIME)
            .orderBy("date_won", "o.dateWon")
            .orderBy("date_lost", "o.dateLost")
            .orderBy("date_updated", "o.dateUpdated")
            .orderBy("date_created", "o.dateCreated")
            .orderBy("confidence", "o.confidence")
            .orderBy("user_name", "o.userName")
            .orderBy("value", "o.value")
            .orderBy("annualized_value", ANNUALIZED)
            .orderBy("annualized_expected_value", ANNUALIZED + " * o.confidence / 100")
            .defaultOrder("-date_created")
            .ownParameters("_group_by", "query", "lead_query", "lead_saved_search_id", "is_stalled")
            .build();

    /** Filters Close has that need Smart Views or the search language, which come with later issues. */
    private static final List<String> NOT_SUPPORTED_YET = List.of("query", "lead_query", "lead_saved_search_id",
            "is_stalled");

    @Inject
    CallerContext callerContext;

    @Inject
    OpportunityService opportunities;

    @GET
    public Uni<ObjectNode> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        MultivaluedMap<String, String> params = uriInfo.getQueryParameters();
        FieldErrors unsupported = new FieldErrors();
        NOT_SUPPORTED_YET.stream().filter(params::containsKey)
                .forEach(name -> unsupported.add(name, "Filtering by this parameter is not supported yet."));
        unsupported.throwIfAny();
        ListQuery query = ListQuery.parse(params, LIST);
        Grouping.Request grouping = Grouping.parse(params.getFirst("_group_by"));
        return opportunities.list(caller, query, grouping).map(page -> listJson(page, query.fields()));
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        OpportunityInput input = OpportunityInput.forCreate(body);
        return opportunities.create(caller, input)
                .map(view -> FieldSelection.parse(fields).apply(OpportunityJson.toJson(view)));
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return opportunities.get(caller, id).map(view -> FieldSelection.parse(fields).apply(OpportunityJson.toJson(view)));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        OpportunityInput input = OpportunityInput.forUpdate(body);
        return opportunities.update(caller, id, input)
                .map(view -> FieldSelection.parse(fields).apply(OpportunityJson.toJson(view)));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return opportunities.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }

    /**
     * {@code {"data", "has_more", <aggregates>}}; when grouping, {@code data} holds the groups of this page's
     * objects, each with its key, objects and the aggregates of the whole group.
     */
    private static ObjectNode listJson(OpportunityPage page, FieldSelection fields) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode data = json.putArray("data");
        if (page.grouping() == null) {
            page.views().forEach(view -> data.add(fields.apply(OpportunityJson.toJson(view))));
        } else {
            Grouping grouping = page.grouping().grouping();
            ObjectNode group = null;
            String groupKey = null;
            for (OpportunityView view : page.views()) {
                String key = grouping.key(view.opportunity());
                if (group == null || !Objects.equals(key, groupKey)) {
                    groupKey = key;
                    group = data.addObject();
                    group.put("key", key);
                    grouping.describe(group, view.opportunity());
                    group.putArray("objects");
                    page.groupTotals().getOrDefault(key, Totals.NONE).writeTo(group);
                }
                ((ArrayNode) group.get("objects")).add(fields.apply(OpportunityJson.toJson(view)));
            }
        }
        json.put("has_more", page.hasMore());
        page.totals().writeTo(json);
        return json;
    }
}
