package io.leadline.core.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Called by the gateway when it creates an organization; the organization comes from the internal JWT. */
@Path("/internal/v1/provision")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisioningResource {

    @Inject
    CallerContext callerContext;

    @Inject
    ProvisioningService provisioning;

    @POST
    public Uni<ObjectNode> provision() {
        Caller caller = callerContext.current();
        return provisioning.provision(caller.organizationId());
    }
}
