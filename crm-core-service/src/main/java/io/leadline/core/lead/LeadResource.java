package io.leadline.core.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
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
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** Close's {@code /lead/} endpoints. */
@Path("/api/v1/lead")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

    static final ListSpec LIST = ListSpec.builder()
            .maxLimit(100)
            .filter("id", "id", FilterType.STRING)
            .filter("status_id", "statusId", FilterType.STRING)
            .filter("date_created", "dateCreated", FilterType.DATETIME)
            .filter("date_updated", "dateUpdated", FilterType.DATETIME)
            .orderBy("date_created", "dateCreated")
            .orderBy("date_updated", "dateUpdated")
            .defaultOrder("-date_created")
            .build();

    /** Fields derived from contacts: a page whose {@code _fields} names none of them skips loading contacts. */
    private static final List<String> CONTACT_FIELDS =
            List.of("contacts", "contact_ids", "display_name", "primary_email", "primary_phone");

    @Inject
    CallerContext callerContext;

    @Inject
    LeadService leads;

    @Inject
    LeadJson leadJson;

    @GET
    public Uni<ListPage<ObjectNode>> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        ListQuery query = ListQuery.parse(uriInfo.getQueryParameters(), LIST);
        FieldSelection fields = query.fields();
        boolean needsContacts = CONTACT_FIELDS.stream().anyMatch(fields::wants);
        return leads.list(caller, query, needsContacts, fields.wants("status_label"))
                .map(page -> new ListPage<>(
                        page.data().stream().map(view -> fields.apply(leadJson.toJson(view))).toList(),
                        page.hasMore(), null));
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        LeadInput input = LeadInput.forCreate(body);
        return leads.create(caller, input).map(view -> FieldSelection.parse(fields).apply(leadJson.toJson(view)));
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return leads.get(caller, id).map(view -> FieldSelection.parse(fields).apply(leadJson.toJson(view)));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        LeadInput input = LeadInput.forUpdate(body);
        return leads.update(caller, id, input).map(view -> FieldSelection.parse(fields).apply(leadJson.toJson(view)));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return leads.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
