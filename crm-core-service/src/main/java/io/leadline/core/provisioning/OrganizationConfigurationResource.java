package io.leadline.core.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The gateway's {@code GET /organization/{id}/} embeds the caller's lead statuses and pipelines, which this service
 * owns; the organization comes from the internal JWT, so no caller can read another organization's configuration.
 */
@Path("/internal/v1/organization-configuration")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationConfigurationResource {

    @Inject
    CallerContext callerContext;

    @Inject
    ProvisioningService provisioning;

    @GET
    public Uni<ObjectNode> get() {
        Caller caller = callerContext.current();
        return provisioning.configuration(caller.organizationId());
    }
}
