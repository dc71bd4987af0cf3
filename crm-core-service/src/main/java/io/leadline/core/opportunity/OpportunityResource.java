package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomFilters;
import io.leadline.platform.security.Caller;
import io.leadline.core.search.LeadQueryParser;
import io.leadline.core.search.RelativePeriods;
import io.leadline.core.search.SavedQueries;
import io.leadline.core.search.SearchSql;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.SqlCondition;
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

import java.time.ZoneOffset;
import java.util.List;

/** Close's {@code /opportunity/} endpoints. */
@Path("/api/v1/opportunity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    /** Filters Close has that need what Leadline doesn't keep yet (stall detection). */
    private static final List<String> NOT_SUPPORTED_YET = List.of("is_stalled");

    @Inject
    CallerContext callerContext;

    @Inject
    OpportunityService opportunities;

    @Inject
    JsonReads reads;

    @Inject
    SavedQueries savedQueries;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        CustomFilters custom = CustomFilters.parse(uriInfo.getQueryParameters());
        MultivaluedMap<String, String> params = custom.rest();
        FieldErrors unsupported = new FieldErrors();
        NOT_SUPPORTED_YET.stream().filter(params::containsKey)
                .forEach(name -> unsupported.add(name, "Filtering by this parameter is not supported yet."));
        unsupported.throwIfAny();
        ListQuery query = ListQuery.parse(params, OpportunityReads.TABLE);
        Grouping.Request grouping = Grouping.parse(params.getFirst("_group_by"));
        return leadConditions(caller, params)
                .chain(leads -> reads.execute(OpportunityList.statement(caller.organizationId(), query,
                        CustomFilters.both(custom.condition("o.custom"), leads), grouping)))
                .map(rows -> OpportunityList.envelope(rows, query.limit(), grouping));
    }

    /**
     * {@code query} (the text language over the opportunity's own fields), {@code lead_query} (the lead query
     * language) and {@code lead_saved_search_id} (a lead smart view): the opportunities that match, all of them when
     * several are given.
     */
    private Uni<SqlCondition> leadConditions(Caller caller, MultivaluedMap<String, String> params) {
        ZoneOffset offset = RelativePeriods.offsetOf(caller);
        String ownQuery = params.getFirst("query");
        String leadQuery = params.getFirst("lead_query");
        SqlCondition byOwnQuery = ownQuery == null ? SqlCondition.NONE
                : SearchSql.opportunityCondition(LeadQueryParser.parse(ownQuery), "o", offset);
        SqlCondition byQuery = CustomFilters.both(byOwnQuery, leadQuery == null ? SqlCondition.NONE
                : SearchSql.leadOf(LeadQueryParser.parse(leadQuery).filterOnly(), "opportunity", "o", offset,
                caller.organizationId()));
        String savedSearchId = params.getFirst("lead_saved_search_id");
        if (savedSearchId == null) {
            return Uni.createFrom().item(byQuery);
        }
        return savedQueries.leadFilter(caller, savedSearchId, "lead_saved_search_id")
                .map(filter -> CustomFilters.both(byQuery, SearchSql.leadOf(filter, "opportunity", "o", offset,
                        caller.organizationId())));
    }

    /**
     * Write answers are read back through the read statement once the transaction committed, so they carry what only
     * the read composes (the {@code comment_summary} comments-service's events keep) exactly as a GET does.
     */
    @POST
    public Uni<String> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        OpportunityInput input = OpportunityInput.forCreate(body);
        return opportunities.create(caller, input).chain(view -> readBack(caller, view, fields));
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return reads.one(OpportunityReads.TABLE, caller.organizationId(), id, FieldSelection.parse(fields));
    }

    @PUT
    @Path("{id}")
    public Uni<String> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        OpportunityInput input = OpportunityInput.forUpdate(body);
        return opportunities.update(caller, id, input).chain(view -> readBack(caller, view, fields));
    }

    private Uni<String> readBack(Caller caller, OpportunityView written, String fields) {
        return reads.one(OpportunityReads.TABLE, caller.organizationId(), written.opportunity().id,
                FieldSelection.parse(fields));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return opportunities.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
