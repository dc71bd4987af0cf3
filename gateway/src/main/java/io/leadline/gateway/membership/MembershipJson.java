package io.leadline.gateway.membership;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.user.User;
import io.leadline.platform.wire.CloseDateTimes;

/** Close's membership shapes: the plain one (in /me/) and the one with the user flattened in (in /organization/). */
public final class MembershipJson {

    private MembershipJson() {
    }

    public static ObjectNode toJson(Membership membership) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", membership.id);
        node.put("organization_id", membership.organizationId);
        node.put("user_id", membership.userId);
        node.put("role_id", membership.roleId);
        node.put("auto_record_calls", membership.autoRecordCalls);
        node.put("date_created", CloseDateTimes.format(membership.dateCreated));
        node.put("date_updated", CloseDateTimes.format(membership.dateUpdated));
        return node;
    }

    /** Close flattens the member's user into {@code user_*} keys unless {@code _expand} asks for a nested object. */
    public static ObjectNode withUserFlattened(Membership membership, User user) {
        ObjectNode node = toJson(membership);
        if (user != null) {
            node.put("user_email", user.email);
            node.put("user_first_name", user.firstName);
            node.put("user_last_name", user.lastName);
            node.put("user_full_name", user.displayName());
            node.putNull("user_image");
        }
        return node;
    }
}
