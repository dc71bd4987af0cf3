package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.security.CallerContext;
import io.leadline.platform.wire.CloseException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /custom_field/shared/<id>/association/}: POST associates (201); an association is addressed as
 * {@code lead}, {@code contact}, {@code opportunity}, {@code custom_activity_type/<id>} or
 * {@code custom_object_type/<id>} (GET, PUT, DELETE 204).
 */
@Path("/api/v1/custom_field/shared/{fieldId}/association")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SharedFieldAssociationResource {

    @Inject
    CallerContext callerContext;

    @Inject
    SharedFieldAssociations associations;

    @Inject
    CustomFieldJobs jobs;

    @POST
    public Uni<Response> create(@PathParam("fieldId") String fieldId, JsonNode body) {
        return associations.create(callerContext.current(), fieldId, AssociationInput.forCreate(body))
                .map(json -> Response.status(Response.Status.CREATED).entity(json).build());
    }

    @GET
    @Path("{objectType}")
    public Uni<ObjectNode> get(@PathParam("fieldId") String fieldId, @PathParam("objectType") String objectType) {
        return associations.get(callerContext.current(), fieldId, scope(objectType, ""));
    }

    @GET
    @Path("{objectType}/{parentId}")
    public Uni<ObjectNode> getOfType(@PathParam("fieldId") String fieldId, @PathParam("objectType") String objectType,
                                     @PathParam("parentId") String parentId) {
        return associations.get(callerContext.current(), fieldId, scope(objectType, parentId));
    }

    @PUT
    @Path("{objectType}")
    public Uni<ObjectNode> update(@PathParam("fieldId") String fieldId, @PathParam("objectType") String objectType,
                                  JsonNode body) {
        FieldScope scope = scope(objectType, "");
        return associations.update(callerContext.current(), fieldId, scope, AssociationInput.forUpdate(body, scope));
    }

    @PUT
    @Path("{objectType}/{parentId}")
    public Uni<ObjectNode> updateOfType(@PathParam("fieldId") String fieldId, @PathParam("objectType") String objectType,
                                        @PathParam("parentId") String parentId, JsonNode body) {
        FieldScope scope = scope(objectType, parentId);
        return associations.update(callerContext.current(), fieldId, scope, AssociationInput.forUpdate(body, scope));
    }

    @DELETE
    @Path("{objectType}")
    public Uni<Response> delete(@PathParam("fieldId") String fieldId, @PathParam("objectType") String objectType) {
        return delete(fieldId, scope(objectType, ""));
    }

    @DELETE
    @Path("{objectType}/{parentId}")
    public Uni<Response> deleteOfType(@PathParam("fieldId") String fieldId, @PathParam("objectType") String objectType,
                                      @PathParam("parentId") String parentId) {
        return delete(fieldId, scope(objectType, parentId));
    }

    private Uni<Response> delete(String fieldId, FieldScope scope) {
        Caller caller = callerContext.current();
        return associations.delete(caller, fieldId, scope)
                .invoke(jobs::nudge)
                .map(ignored -> Response.noContent().build());
    }

    /** A path that names no scope (a parent where none belongs, none where one does) is a 404. */
    private static FieldScope scope(String objectType, String parentId) {
        if (!FieldScope.isObjectType(objectType) || FieldScope.needsParent(objectType) == parentId.isEmpty()) {
            throw CloseException.notFound();
        }
        return new FieldScope(objectType, parentId);
    }
}
