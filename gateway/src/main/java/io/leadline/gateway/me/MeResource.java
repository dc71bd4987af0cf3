package io.leadline.gateway.me;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.principal.CurrentPrincipal;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentPrincipal principal;

    @Inject
    MeService me;

    @GET
    public Uni<ObjectNode> get(@QueryParam("_fields") String fields) {
        FieldSelection selection = FieldSelection.parse(fields);
        return me.me(principal.get()).map(selection::apply);
    }
}
