package io.leadline.gateway.user;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.CloseDateTimes;

public final class UserJson {

    private UserJson() {
    }

    public static ObjectNode toJson(User user) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", user.id);
        node.put("first_name", user.firstName);
        node.put("last_name", user.lastName);
        node.put("email", user.email);
        node.putNull("image");
        node.put("date_created", CloseDateTimes.format(user.dateCreated));
        node.put("date_updated", CloseDateTimes.format(user.dateUpdated));
        return node;
    }
}
