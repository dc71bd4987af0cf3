package io.leadline.activities.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /connected_account/organization_smtp/} (a Leadline extension; Close sends through each user's connected
 * account, which Leadline does not have): the organization's own outgoing mail server, admins only. GET answers 404
 * while the organization sends through the deployment's default server; PUT sets or changes it, DELETE (204) goes
 * back to the default. The password is write-only.
 */
@Path("/api/v1/connected_account/organization_smtp")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationSmtpResource {

    /** One row per organization, keyed by it: the read path's id is the organization's own. */
    static final ReadTable TABLE = ReadTable.builder()
            .from("organization_smtp s")
            .organizationColumn("s.organization_id")
            .idColumn("s.organization_id")
            .document("s.doc")
            .build();

    @Inject
    CallerContext callerContext;

    @Inject
    JsonReads reads;

    @Inject
    OrganizationSmtpSettings settings;

    @GET
    public Uni<String> get(@QueryParam("_fields") String fields) {
        Caller caller = requireAdmin();
        return reads.one(TABLE, caller.organizationId(), caller.organizationId(), FieldSelection.parse(fields));
    }

    @PUT
    public Uni<String> put(JsonNode body, @QueryParam("_fields") String fields) {
        Caller caller = requireAdmin();
        OrganizationSmtpInput input = OrganizationSmtpInput.of(body);
        return settings.save(caller, input).chain(() -> get(fields));
    }

    @DELETE
    public Uni<Response> delete() {
        Caller caller = requireAdmin();
        return settings.remove(caller).map(ignored -> Response.noContent().build());
    }

    /** The mail server is the organization's configuration (and names its mail account): admins only. */
    private Caller requireAdmin() {
        Caller caller = callerContext.current();
        if (!caller.isAdmin()) {
            throw CloseException.forbidden("Only admins can see or change the organization's outgoing mail server.");
        }
        return caller;
    }
}
