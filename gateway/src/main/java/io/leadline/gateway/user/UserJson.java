package io.leadline.gateway.user;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.membership.Membership;
import io.leadline.gateway.membership.MembershipJson;
import io.leadline.gateway.organization.Organization;
import io.leadline.gateway.organization.OrganizationJson;
import io.leadline.platform.wire.CloseDateTimes;

import java.util.List;

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

    /** {@code /me/}: the user with every organization and membership they have. */
    public static ObjectNode me(User user, List<Organization> organizations, List<Membership> memberships) {
        ObjectNode node = toJson(user);
        ArrayNode organizationList = node.putArray("organizations");
        organizations.forEach(organization -> organizationList.add(OrganizationJson.summary(organization)));
        ArrayNode membershipList = node.putArray("memberships");
        memberships.forEach(membership -> membershipList.add(MembershipJson.toJson(membership)));
        // mail and calendar accounts are not part of Leadline yet; clients iterate this list, so it must exist
        node.putArray("email_accounts");
        return node;
    }
}
