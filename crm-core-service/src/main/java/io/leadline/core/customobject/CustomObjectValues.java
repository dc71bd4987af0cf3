package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomValueHolder;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Custom objects as holders of custom values: a deleted field's (or custom object's) value leaves each with a {@code custom_object.updated}. */
@ApplicationScoped
public class CustomObjectValues implements CustomValueHolder {

    @Inject
    CustomObjectRepository objects;

    @Override
    public String table() {
        return CustomObjectService.OBJECT_TYPE;
    }

    @Override
    public Uni<List<DomainEvent>> rewrite(Caller caller, List<String> ids, UnaryOperator<Map<String, Object>> change) {
        return CustomValueHolder.each(ids, id -> objects.findInOrganization(caller.organizationId(), id).map(object -> {
            ObjectNode before = CustomObjectJson.toJson(object);
            object.custom = change.apply(object.custom);
            return DomainEvent.updated(caller, CustomObjectService.OBJECT_TYPE, id, object.leadId, before,
                    CustomObjectJson.toJson(object));
        }));
    }
}
