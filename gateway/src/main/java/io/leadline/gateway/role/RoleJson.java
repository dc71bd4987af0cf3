package io.leadline.gateway.role;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.CloseDateTimes;

import java.util.List;

/** Close's role shape: {@code id, name, editable, permissions, visibility_user_lcf_ids, visibility_user_lcf_behavior}. */
final class RoleJson {

    private RoleJson() {
    }

    static ObjectNode builtIn(String id, String organizationId) {
        return shape(id, organizationId, false, BuiltInRoles.DEFINITIONS.get(id));
    }

    static ObjectNode custom(Role role) {
        ObjectNode node = shape(role.id, role.organizationId, true, RoleDefinition.of(role));
        node.put("date_created", CloseDateTimes.format(role.dateCreated));
        node.put("date_updated", CloseDateTimes.format(role.dateUpdated));
        return node;
    }

    private static ObjectNode shape(String id, String organizationId, boolean editable, RoleDefinition definition) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("organization_id", organizationId);
        node.put("name", definition.name());
        node.put("editable", editable);
        node.set("permissions", strings(definition.permissions()));
        if (definition.visibilityUserLcfIds() == null) {
            node.putNull("visibility_user_lcf_ids");
        } else {
            node.set("visibility_user_lcf_ids", strings(definition.visibilityUserLcfIds()));
        }
        node.put("visibility_user_lcf_behavior", definition.visibilityUserLcfBehavior());
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
