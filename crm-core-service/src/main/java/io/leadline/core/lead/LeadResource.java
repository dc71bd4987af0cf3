package io.leadline.core.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.search.LeadQuery;
import io.leadline.core.search.RelativePeriods;
import io.leadline.core.search.LeadQueryParser;
import io.leadline.core.search.SearchSql;
import io.leadline.core.search.SearchPlanner;
import io.leadline.core.search.SearchTotals;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadStatement;
import io.leadline.core.custom.CustomFilters;
import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
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
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;



/** Close's {@code /lead/} endpoints. */
@Path("/api/v1/lead")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

    @Inject
    CallerContext callerContext;

    @Inject
    LeadService leads;

    @Inject
    LeadJson leadJson;

    @Inject
    LeadReads leadReads;

    @Inject
    LeadChildren leadChildren;

    @Inject
    JsonReads reads;

    @Inject
    SearchTotals totals;

    @Inject
    SearchPlanner planner;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        CustomFilters custom = CustomFilters.parse(uriInfo.getQueryParameters());
        MultivaluedMap<String, String> params = custom.rest();
        SqlCondition customCondition = custom.condition(LeadReads.ALIAS + ".custom");
        if (!params.containsKey("query")) {
            ListQuery query = ListQuery.parse(params, leadReads.table());
            return reads.page(leadReads.table(), caller.organizationId(), query, customCondition)
                    .map(JsonPage::envelope);
        }
        return search(caller, params, customCondition);
    }

    /**
     * {@code ?query=…}: Close's lead search. Its {@code sort:} replaces {@code _order_by}; the answer carries
     * {@code total_results} ({@link SearchTotals}: exact up to a cap, then PostgreSQL's estimate), counted by
     * statements that run beside the page's.
     */
    private Uni<String> search(Caller caller, MultivaluedMap<String, String> params, SqlCondition customCondition) {
        LeadQuery parsed = LeadQueryParser.parse(params.getFirst("query"));
        String organizationId = caller.organizationId();
        ZoneOffset offset = RelativePeriods.offsetOf(caller);
        Function<SearchSql.TextStrategy, SqlCondition> conditions = strategy -> CustomFilters.both(
                SearchSql.condition(parsed, LeadReads.ALIAS, offset, organizationId, strategy), customCondition);
        conditions.apply(SearchSql.TextStrategy.SET); // a bad query is a 400 before any statement runs
        MultivaluedMap<String, String> effective = new MultivaluedHashMap<>(params);
        SearchSql.orderBy(parsed).ifPresent(order -> effective.putSingle("_order_by", order));
        ListQuery query = ListQuery.parse(effective, leadReads.table());
        List<ReadStatement> textSets = SearchSql.textSets(parsed, LeadReads.ALIAS, offset, organizationId);
        return planner.plan(leadReads.table(), organizationId, query, query.skip(), conditions, textSets)
                .chain(plan -> {
            Uni<JsonPage> page = reads.page(leadReads.table(), organizationId, query, plan.condition());
            Uni<Long> total = totals.of(leadReads.table(), organizationId, query, plan);
            return Uni.combine().all().unis(page, total).asTuple()
                    .map(both -> both.getItem1().envelope(both.getItem2()));
        });
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        LeadInput input = LeadInput.forCreate(body, leadChildren);
        return leads.create(caller, input).map(view -> FieldSelection.parse(fields).apply(leadJson.toJson(view)));
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return reads.one(leadReads.table(), caller.organizationId(), id, FieldSelection.parse(fields));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        LeadInput input = LeadInput.forUpdate(body, leadChildren);
        return leads.update(caller, id, input).map(view -> FieldSelection.parse(fields).apply(leadJson.toJson(view)));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return leads.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
