package io.leadline.gateway.me;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.membership.Membership;
import io.leadline.gateway.membership.MembershipJson;
import io.leadline.gateway.organization.Organization;
import io.leadline.gateway.organization.OrganizationJson;
import io.leadline.gateway.user.User;
import io.leadline.gateway.user.UserJson;

import java.util.List;

/** {@code /me/} brings users, memberships and organizations together, so it depends on all three and none on it. */
final class MeJson {

    private MeJson() {
    }

    /** {@code /me/}: the user with every organization and membership they have. */
    static ObjectNode me(User user, List<Organization> organizations, List<Membership> memberships) {
        ObjectNode node = UserJson.toJson(user);
        ArrayNode organizationList = node.putArray("organizations");
        organizations.forEach(organization -> organizationList.add(OrganizationJson.summary(organization)));
        ArrayNode membershipList = node.putArray("memberships");
        memberships.forEach(membership -> membershipList.add(MembershipJson.toJson(membership)));
        // mail and calendar accounts are not part of Leadline yet; clients iterate this list, so it must exist
        node.putArray("email_accounts");
        return node;
    }
}
