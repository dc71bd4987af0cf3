package io.leadline.gateway.organization;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.membership.Membership;
import io.leadline.gateway.membership.MembershipJson;
import io.leadline.gateway.user.User;
import io.leadline.platform.wire.CloseDateTimes;

import java.util.List;
import java.util.Map;

public final class OrganizationJson {

    private OrganizationJson() {
    }

    /** The organization's own fields, as listed in {@code /me/}. */
    public static ObjectNode summary(Organization organization) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", organization.id);
        node.put("name", organization.name);
        node.put("currency", organization.currency);
        node.put("date_created", CloseDateTimes.format(organization.dateCreated));
        node.put("date_updated", CloseDateTimes.format(organization.dateUpdated));
        return node;
    }

    /**
     * {@code GET /organization/{id}/} without lead_statuses and pipelines: crm-core owns those, and
     * {@link OrganizationService#details} fetches and merges them in.
     */
    public static ObjectNode details(Organization organization, List<Membership> active, List<Membership> inactive,
                                     Map<String, User> users) {
        ObjectNode node = summary(organization);
        members(node.putArray("memberships"), active, users);
        members(node.putArray("inactive_memberships"), inactive, users);
        return node;
    }

    private static void members(ArrayNode array, List<Membership> memberships, Map<String, User> users) {
        memberships.forEach(membership -> array.add(
                MembershipJson.withUserFlattened(membership, users.get(membership.userId))));
    }
}
