package io.leadline.core.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.FieldSelection;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Reading one contact; the rest of {@code /contact/} comes with the contacts issue. */
@Path("/api/v1/contact")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    CallerContext callerContext;

    @Inject
    ContactRepository contacts;

    @GET
    @Path("{id}")
    @WithSession
    public Uni<ObjectNode> get(@PathParam("id") String id, @QueryParam("_fields") String fields) {
        Caller caller = callerContext.current();
        return contacts.findInOrganization(caller.organizationId(), id)
                .onItem().ifNull().failWith(CloseException::notFound)
                .map(contact -> FieldSelection.parse(fields).apply(ContactJson.toJson(contact)));
    }
}
