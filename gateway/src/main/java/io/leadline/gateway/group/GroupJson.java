package io.leadline.gateway.group;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Close's group shape {@code {id, name, organization_id}}, and {@code members: [{user_id}]} where Close shows them. */
final class GroupJson {

    private GroupJson() {
    }

    /** As listed: Close's list never carries members. */
    static ObjectNode summary(UserGroup group) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", group.id);
        node.put("name", group.name);
        node.put("organization_id", group.organizationId);
        return node;
    }

    static ObjectNode withMembers(UserGroup group, List<String> userIds) {
        ObjectNode node = summary(group);
        ArrayNode members = node.putArray("members");
        userIds.forEach(userId -> members.addObject().put("user_id", userId));
        return node;
    }
}
