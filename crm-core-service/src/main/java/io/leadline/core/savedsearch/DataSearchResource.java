package io.leadline.core.savedsearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.search.RelativePeriods;
import io.leadline.core.search.SearchCursors;
import io.leadline.core.search.SearchSql;
import io.leadline.core.search.SearchPlanner;
import io.leadline.core.search.SearchTotals;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.Keyset;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadStatement;
import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.ValidationException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;

import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Close's Advanced Filtering, {@code POST /data/search/} (NOTES §9): the structured query translated by the same
 * {@link SearchSql} as the lead query language, run on the searched type's own read table (so objects come back in
 * the wire form their own GET answers, limited by {@code _fields}), paged by signed keyset cursors.
 */
@Path("/api/v1/data/search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DataSearchResource {

    @Inject
    CallerContext callerContext;

    @Inject
    JsonReads reads;

    @Inject
    SearchTables tables;

    @Inject
    SearchCursors cursors;

    @Inject
    SearchTotals totals;

    @Inject
    SearchPlanner planner;

    @POST
    public Uni<String> search(JsonNode body) {
        Caller caller = callerContext.current();
        ZoneOffset offset = RelativePeriods.offsetOf(caller);
        DataSearchRequest request = DataSearchRequest.read(body, offset, caller.userId());
        SearchTables.Searchable searchable = tables.of(request.objectType);
        request.sort.stream().filter(item -> searchable.table().orderExpression(item.field()) == null).findFirst()
                .ifPresent(item -> {
                    throw ValidationException.field(item.path() + ".field.field_name", "Sorting by \"" + item.field()
                            + "\" is not supported; choose from " + String.join(", ",
                            searchable.table().orderNames()) + ".");
                });
        String organizationId = caller.organizationId();
        Function<SearchSql.TextStrategy, SqlCondition> conditions = strategy -> SearchSql.condition(request.filter,
                request.objectType, searchable.alias(), offset, organizationId, strategy);
        conditions.apply(SearchSql.TextStrategy.SET); // a bad query is a 400 before any statement runs
        // the search a cursor belongs to: the same organization, type, query and order
        String search = organizationId + "\n" + request.objectType + "\n" + request.orderBy() + "\n" + request.queryJson;
        SearchCursors.Position position = request.cursor == null ? null : cursors.decode(request.cursor, search);
        long returned = position == null ? 0 : position.returned();
        long remaining = request.resultsLimit == null ? Long.MAX_VALUE : Math.max(0, request.resultsLimit - returned);
        int pageSize = (int) Math.min(request.limit, remaining);

        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        params.putSingle("_limit", Integer.toString(Math.max(pageSize, 1)));
        params.putSingle("_fields", String.join(",", request.fields));
        if (!request.sort.isEmpty()) {
            params.putSingle("_order_by", request.orderBy());
        }
        ListQuery query = ListQuery.parse(params, searchable.table());
        Keyset after = position == null ? null : new Keyset(position.key());
        // a cursor page starts behind its keyset, so a probe reads from there: nothing comes before it
        List<ReadStatement> textSets = SearchSql.textSets(request.filter, request.objectType, searchable.alias(), offset,
                organizationId);
        return planner.plan(searchable.table(), organizationId, query, 0, conditions, textSets).chain(plan -> {
            Uni<JsonPage> page = pageSize == 0 ? Uni.createFrom().item(new JsonPage(List.of(), false, List.of()))
                    : reads.page(searchable.table(), organizationId, query, plan.condition(), after);
            Uni<Long> total = !request.includeCounts ? Uni.createFrom().nullItem()
                    : totals.of(searchable.table(), organizationId, query, plan);
            return Uni.combine().all().unis(page, total).asTuple();
        }).map(both -> {
            JsonPage result = both.getItem1();
            long handedOut = returned + result.objects().size();
            boolean capped = request.resultsLimit != null && handedOut >= request.resultsLimit;
            String next = result.hasMore() && !capped
                    ? cursors.encode(new SearchCursors.Position(result.lastKey(), handedOut), search) : null;
            return envelope(request, result.objects(), next, both.getItem2());
        });
    }

    /** {@code {"data": [{"__object_type": …, …}], "cursor": …, "count": {"total", "limited"}}}, texts as rendered. */
    private static String envelope(DataSearchRequest request, List<String> objects, String cursor, Long total) {
        StringBuilder json = new StringBuilder("{\"data\": [");
        String typeKey = "{\"__object_type\": \"" + request.objectType + "\"";
        for (int i = 0; i < objects.size(); i++) {
            String object = objects.get(i).trim();
            json.append(i > 0 ? ", " : "").append(typeKey);
            // PostgreSQL renders an object as "{}" or "{"key": …}": the type goes first
            json.append(object.equals("{}") ? "}" : ", " + object.substring(1));
        }
        json.append("], \"cursor\": ").append(cursor == null ? "null" : "\"" + cursor + "\"");
        if (total != null) {
            long limited = request.resultsLimit == null ? total : Math.min(total, request.resultsLimit);
            json.append(", \"count\": {\"total\": ").append(total).append(", \"limited\": ").append(limited).append('}');
        }
        return json.append('}').toString();
    }
}
