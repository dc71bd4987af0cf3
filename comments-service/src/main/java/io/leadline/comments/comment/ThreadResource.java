package io.leadline.comments.comment;

import io.leadline.platform.read.FilterType;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.read.SqlCondition;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.FieldErrors;
import io.leadline.platform.wire.FieldSelection;
import io.leadline.platform.wire.RequestBody;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Close's {@code /comment_thread/} endpoints: read-only, the threads come and go with their comments. */
@Path("/api/v1/comment_thread")
@Produces(MediaType.APPLICATION_JSON)
public class ThreadResource {

    static final String IDS = "ids";
    static final String OBJECT_IDS = "object_ids";

    /** A thread with its comments, each composed from its own document (and lead_id from the columns). */
    static final ReadTable TABLE = ReadTable.builder()
            .from("comment_thread t")
            .organizationColumn("t.organization_id")
            .idColumn("t.id")
            .document("t.doc")
            .composed("lead_id", "t.lead_id")
            .composed("comments", "(select coalesce(jsonb_agg(c.doc || jsonb_build_object('lead_id', c.lead_id)"
                    + " order by c.date_created, c.id), '[]'::jsonb) from comment c where c.thread_id = t.id)")
            .filter("id", "t.id", FilterType.STRING)
            .filter("object_id", "t.object_id", FilterType.STRING)
            .orderBy("date_created", "t.date_created")
            .defaultOrder("date_created")
            .ownParameters(IDS, OBJECT_IDS)
            .maxLimit(100)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    JsonReads reads;

    /** {@code ids} and {@code object_ids}: comma-separated, or the parameter repeated (both as Close's clients send). */
    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        MultivaluedMap<String, String> params = uriInfo.getQueryParameters();
        FieldErrors errors = new FieldErrors();
        List<String> ids = idList(params, IDS, errors);
        List<String> objectIds = idList(params, OBJECT_IDS, errors);
        errors.throwIfAny();
        ListQuery query = ListQuery.parse(params, TABLE);
        SqlCondition condition = parameters -> anyOf("t.id", ids, parameters) + anyOf("t.object_id", objectIds, parameters);
        return reads.page(TABLE, caller.organizationId(), query, condition).map(JsonPage::envelope);
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return reads.one(TABLE, caller.organizationId(), id, FieldSelection.parse(fields));
    }

    private static String anyOf(String column, List<String> values, SqlParameters parameters) {
        return values == null ? "" : " and " + column + " = any(" + parameters.bind(values) + "::text[])";
    }

    /** Null when the parameter is absent; otherwise its ids (at most {@link RequestBody#MAX_ITEMS}). */
    private static List<String> idList(MultivaluedMap<String, String> params, String name, FieldErrors errors) {
        List<String> given = params.get(name);
        if (given == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        given.forEach(value -> Arrays.stream(value.split(",")).map(String::trim).filter(id -> !id.isEmpty())
                .forEach(ids::add));
        if (ids.size() > RequestBody.MAX_ITEMS) {
            errors.add(name, "Ensure this list has at most " + RequestBody.MAX_ITEMS + " ids.");
        }
        if (ids.stream().anyMatch(id -> id.length() > RequestBody.ID_LENGTH)) {
            errors.add(name, "Not a valid id.");
        }
        return ids;
    }
}
