package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.operator.OrganizationBootstrap.Bootstrapped;
import io.leadline.gateway.membership.MembershipJson;
import io.leadline.gateway.organization.OrganizationJson;
import io.leadline.gateway.user.UserJson;
import io.leadline.platform.id.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operator's way to create tenants (there is no self sign-up). Authenticated with the operator token, not with
 * API keys, and outside /api so the edge handler leaves it alone.
 */
@Path("/admin/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private static final String PROVISIONING_FAILED = "The organization was created, but its CRM defaults could not "
            + "be set up because crm-core is unavailable. Retry with POST /admin/v1/organizations/%s/provision.";

    @Inject
    OperatorAuthorization operator;

    @Inject
    OrganizationBootstrap bootstrap;

    @Inject
    CrmProvisioner provisioner;

    /**
     * Answers 201 with the organization, its admin and the API key. If crm-core cannot be reached the organization
     * stays and the answer is 503, still carrying the key: it is shown only once and must not be lost.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode body) {
        operator.require(authorization);
        NewOrganization request = NewOrganization.read(body);
        String requestId = Ids.shortId("req");
        return bootstrap.create(request, requestId).chain(created -> provision(created, requestId).map(provisioned -> {
            ObjectNode answer = describe(created);
            answer.put("api_key", created.apiKey());
            if (!provisioned) {
                answer.put("error", PROVISIONING_FAILED.formatted(created.organization().id));
                return Response.status(503).entity(answer).build();
            }
            return Response.status(201).entity(answer).build();
        }));
    }

    /** Repeats crm-core provisioning for an organization whose creation answered 503; harmless when repeated. */
    @POST
    @Path("/{id}/provision")
    public Uni<Response> reprovision(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @PathParam("id") String organizationId) {
        operator.require(authorization);
        String requestId = Ids.shortId("req");
        return bootstrap.existing(organizationId).chain(target -> provision(target, requestId).map(provisioned -> {
            ObjectNode answer = describe(target);
            if (!provisioned) {
                answer.put("error", PROVISIONING_FAILED.formatted(organizationId));
                return Response.status(503).entity(answer).build();
            }
            return Response.ok(answer).build();
        }));
    }

    /**
     * Adds a person to an organization with a role ({@code user} unless {@code role_id} says otherwise) and an API
     * key of their own, shown once in the 201 answer.
     */
    @POST
    @Path("/{id}/memberships")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addMember(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @PathParam("id") String organizationId, JsonNode body) {
        operator.require(authorization);
        NewMember request = NewMember.read(body);
        return bootstrap.addMember(organizationId, request, Ids.shortId("req")).map(added -> {
            ObjectNode answer = describe(added);
            answer.set("membership", MembershipJson.toJson(added.membership()));
            answer.put("api_key", added.apiKey());
            return Response.status(201).entity(answer).build();
        });
    }

    private Uni<Boolean> provision(Bootstrapped target, String requestId) {
        return provisioner.provision(target.organization().id, target.organization().name, target.user().id,
                target.user().displayName(), requestId);
    }

    private static ObjectNode describe(Bootstrapped target) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("organization", OrganizationJson.summary(target.organization()));
        answer.set("user", UserJson.toJson(target.user()));
        return answer;
    }
}
