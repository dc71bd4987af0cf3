package io.leadline.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.principal.Principal;
import io.leadline.platform.id.Ids;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.RequestBody;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET/PUT /membership/{id}/pinned_views/}: the ordered smart view ids a member pinned. The gateway cannot read
 * crm-core's smart views, so ids are kept as given once they have a smart view id's shape ({@code save_…}); a view
 * deleted later simply stays pinned until the list is set again. A member reads and sets their own list; admins
 * anyone's in the organization.
 */
@ApplicationScoped
public class PinnedViews {

    static final String FIELD = "saved_view_ids";

    @Inject
    MembershipRepository memberships;

    @WithSession
    public Uni<ObjectNode> get(Principal principal, String membershipId) {
        return allowed(principal, membershipId).map(membership -> json(ids(membership)));
    }

    @WithTransaction
    public Uni<ObjectNode> set(Principal principal, String membershipId, JsonNode body) {
        List<String> ids = read(body);
        return allowed(principal, membershipId).map(membership -> {
            membership.pinnedViewIds = String.join(",", ids);
            return json(ids);
        });
    }

    private Uni<Membership> allowed(Principal principal, String membershipId) {
        return memberships.inOrganization(principal.organizationId(), List.of(membershipId))
                .map(found -> {
                    if (found.isEmpty()) {
                        throw CloseException.notFound();
                    }
                    Membership membership = found.get(0);
                    if (!principal.isAdmin() && !membership.userId.equals(principal.userId())) {
                        throw CloseException.forbidden("Only admins can see or set another member's pinned views.");
                    }
                    return membership;
                });
    }

    private static List<String> read(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        if (!body.has(FIELD) || body.isNull(FIELD)) {
            body.fail(FIELD, RequestBody.REQUIRED);
        }
        ArrayNode array = body.array(FIELD);
        List<String> ids = new ArrayList<>();
        if (array != null) {
            for (JsonNode item : array) {
                if (!item.isTextual() || !Ids.looksLike(item.asText(), "save", Ids.LONG_LENGTH)) {
                    body.fail(FIELD, "Expected smart view ids (save_…).");
                    break;
                }
                if (ids.contains(item.asText())) {
                    body.fail(FIELD, "Each smart view can be pinned once: " + item.asText() + ".");
                    break;
                }
                ids.add(item.asText());
            }
        }
        body.throwIfInvalid();
        return ids;
    }

    private static List<String> ids(Membership membership) {
        return membership.pinnedViewIds.isEmpty() ? List.of() : Arrays.asList(membership.pinnedViewIds.split(","));
    }

    private static ObjectNode json(List<String> ids) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ids.forEach(node.putArray(FIELD)::add);
        return node;
    }
}
