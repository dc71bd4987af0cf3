package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.apikey.ApiKey;
import io.leadline.gateway.apikey.ApiKeyRepository;
import io.leadline.gateway.apikey.ApiKeySecrets;
import io.leadline.gateway.membership.Membership;
import io.leadline.gateway.membership.MembershipRepository;
import io.leadline.gateway.principal.PrincipalChanged;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** The operator issues, lists and revokes a member's API keys; a key's secret exists only in the issuing answer. */
@ApplicationScoped
public class MemberApiKeys {

    @Inject
    MembershipRepository memberships;

    @Inject
    ApiKeyRepository apiKeys;

    @Inject
    Event<PrincipalChanged> principalChanges;

    public Uni<ObjectNode> issue(String organizationId, String membershipId) {
        return Panache.withTransaction(() -> member(organizationId, membershipId).chain(membership -> {
            ApiKeySecrets.NewKey key = ApiKeySecrets.generate();
            ApiKey apiKey = new ApiKey();
            apiKey.id = key.id();
            apiKey.organizationId = membership.organizationId;
            apiKey.userId = membership.userId;
            apiKey.keyHash = ApiKeySecrets.hash(key.fullKey());
            apiKey.dateCreated = CloseDateTimes.now();
            return apiKeys.persist(apiKey).map(saved -> describe(saved).put("api_key", key.fullKey()));
        }));
    }

    @WithSession
    public Uni<ObjectNode> list(String organizationId, String membershipId) {
        return member(organizationId, membershipId).chain(membership -> apiKeys
                .list("organizationId = ?1 and userId = ?2 order by dateCreated, id", organizationId, membership.userId)
                .map(keys -> {
                    ArrayNode data = JsonNodeFactory.instance.arrayNode();
                    keys.forEach(key -> data.add(describe(key)));
                    ObjectNode answer = JsonNodeFactory.instance.objectNode();
                    answer.set("data", data);
                    return answer;
                }));
    }

    /** Deletes the key and, once committed, drops the member's cached keys so it stops working at once. */
    public Uni<Void> revoke(String organizationId, String membershipId, String keyId) {
        return Panache.withTransaction(() -> member(organizationId, membershipId).chain(membership -> apiKeys
                        .delete("id = ?1 and organizationId = ?2 and userId = ?3", keyId, organizationId,
                                membership.userId)
                        .map(deleted -> {
                            if (deleted == 0) {
                                throw CloseException.notFound();
                            }
                            return membership.userId;
                        })))
                .invoke(userId -> principalChanges.fire(new PrincipalChanged(organizationId, userId)))
                .replaceWithVoid();
    }

    private Uni<Membership> member(String organizationId, String membershipId) {
        return memberships.find("organizationId = ?1 and id = ?2", organizationId, membershipId).firstResult()
                .onItem().ifNull().failWith(CloseException::notFound);
    }

    private static ObjectNode describe(ApiKey key) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", key.id);
        node.put("organization_id", key.organizationId);
        node.put("user_id", key.userId);
        node.put("date_created", CloseDateTimes.format(key.dateCreated));
        return node;
    }
}
