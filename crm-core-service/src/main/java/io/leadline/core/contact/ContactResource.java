package io.leadline.core.contact;

import io.leadline.core.custom.CustomFieldOwner;
import io.leadline.core.custom.CustomFieldNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomFilters;
import io.leadline.platform.read.FilterType;
import io.leadline.platform.read.JsonPage;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadTable;
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
import jakarta.ws.rs.core.UriInfo;

/** Close's {@code /contact/} endpoints. */
@Path("/api/v1/contact")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    /** Close filters contacts by lead only (anything else goes through /data/search/); id and dates are harmless. */
    public static final ReadTable TABLE = ReadTable.builder()
            .from("contact c")
            .organizationColumn("c.organization_id")
            .customFieldsOfRow(CustomFieldNames.ofRow(CustomFieldOwner.CONTACT, "c.organization_id"))
            .idColumn("c.id")
            .document("c.doc")
            .filter("lead_id", "c.lead_id", FilterType.STRING)
            .filter("id", "c.id", FilterType.STRING)
            .filter("date_created", "c.date_created", FilterType.DATETIME)
            .filter("date_updated", "c.date_updated", FilterType.DATETIME)
            .orderBy("date_created", "c.date_created")
            .orderBy("date_updated", "c.date_updated")
            .defaultOrder("-date_created")
            .maxLimit(100)
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    ContactService contacts;

    @Inject
    JsonReads reads;

    @GET
    public Uni<String> list(@Context UriInfo uriInfo) {
        Caller caller = callerContext.current();
        CustomFilters custom = CustomFilters.parse(uriInfo.getQueryParameters());
        ListQuery query = ListQuery.parse(custom.rest(), TABLE);
        return reads.page(TABLE, caller.organizationId(), query, custom.condition("c.custom")).map(JsonPage::envelope);
    }

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        ContactInput input = ContactInput.forCreate(body);
        return contacts.create(caller, input).map(contact -> wire(contact, fields));
    }

    @GET
    @Path("{id}")
    public Uni<String> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return reads.one(TABLE, caller.organizationId(), id, FieldSelection.parse(fields));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        ContactInput input = ContactInput.forUpdate(body);
        return contacts.update(caller, id, input).map(contact -> wire(contact, fields));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        Caller caller = callerContext.current();
        return contacts.delete(caller, id).replaceWith(JsonNodeFactory.instance.objectNode());
    }

    private static ObjectNode wire(Contact contact, String fields) {
        return FieldSelection.parse(fields).apply(ContactJson.toJson(contact));
    }
}
