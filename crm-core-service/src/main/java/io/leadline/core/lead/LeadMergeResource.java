package io.leadline.core.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Close's {@code POST /lead/merge/}: answers {@code {}} once the source lead is merged and gone. */
@Path("/api/v1/lead/merge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadMergeResource {

    @Inject
    CallerContext callerContext;

    @Inject
    LeadMergeService merges;

    @POST
    public Uni<ObjectNode> merge(JsonNode body) {
        Caller caller = callerContext.current();
        MergeRequest request = MergeRequest.of(body);
        return merges.merge(caller, request).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
