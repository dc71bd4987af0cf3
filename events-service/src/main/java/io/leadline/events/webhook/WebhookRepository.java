package io.leadline.events.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, String> {

    public Uni<Webhook> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
    }

    /**
     * Takes the organization's subscription lock until the transaction ends, so two creates can't both see 39
     * and make 41; then counts.
     */
    public Uni<Long> lockAndCount(String organizationId) {
        return getSession().chain(session -> session.createNativeQuery(
                                "select pg_advisory_xact_lock(hashtext('webhook:' || :org))", Object.class)
                        .setParameter("org", organizationId).getSingleResult())
                .chain(() -> count("organizationId", organizationId));
    }

    /** Removes a subscription with its deliveries and their attempts. */
    public Uni<Void> deleteWithDeliveries(Webhook webhook) {
        return getSession().chain(session -> session.createNativeQuery(
                                "delete from webhook_delivery where webhook_id = :id")
                        .setParameter("id", webhook.id).executeUpdate())
                .chain(() -> delete(webhook));
    }

    /** Tells every replica (at commit, NOTIFY being transactional) that the organization's subscriptions changed. */
    public Uni<Void> notifyChanged(String organizationId) {
        return getSession().chain(session -> session.createNativeQuery(
                                "select cast(pg_notify('" + SubscriptionCache.CHANNEL + "', :org) as text)", String.class)
                        .setParameter("org", organizationId).getSingleResult())
                .replaceWithVoid();
    }
}
