package io.leadline.activities.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.FieldSelection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A type clients log themselves (notes, calls, …): Close's create, update and delete besides the reads. The type
 * says only how its body becomes an activity; the caller's internal token goes along so references can be checked
 * with the owner on a projection miss.
 */
// Quarkus REST takes a method's media types from the class that declares it, not from the subclass
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class WritableActivityResource<A extends Activity> extends ActivityTypeResource {

    protected WritableActivityResource(ActivityType type) {
        super(type);
    }

    /** A type whose list has filters of its own ({@link ActivityReads#builderOf}). */
    protected WritableActivityResource(ActivityType type, io.leadline.platform.read.ReadTable table) {
        super(type, table);
    }

    protected abstract Uni<A> create(Caller caller, JsonNode body, String internalToken);

    protected abstract Uni<A> update(Caller caller, String id, JsonNode body, String internalToken);

    protected abstract Uni<Void> delete(Caller caller, String id);

    @POST
    public Uni<ObjectNode> create(JsonNode body, @QueryParam("_fields") String fields) {
        return create(callerContext.current(), body, callerContext.internalToken())
                .map(activity -> FieldSelection.parse(fields).apply(activity.toJson()));
    }

    @PUT
    @Path("{id}")
    public Uni<ObjectNode> update(@PathParam("id") String id, JsonNode body, @QueryParam("_fields") String fields) {
        return update(callerContext.current(), id, body, callerContext.internalToken())
                .map(activity -> FieldSelection.parse(fields).apply(activity.toJson()));
    }

    @DELETE
    @Path("{id}")
    public Uni<ObjectNode> delete(@PathParam("id") String id) {
        return delete(callerContext.current(), id).replaceWith(JsonNodeFactory.instance.objectNode());
    }
}
