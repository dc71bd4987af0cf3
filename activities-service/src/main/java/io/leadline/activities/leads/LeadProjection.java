package io.leadline.activities.leads;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps {@code crm_lead} and {@code crm_contact} up to date from crm-core's events. Every change is one idempotent
 * statement, so a redelivered or reordered event leaves the same rows; a deleted row stays deleted.
 */
@ApplicationScoped
public class LeadProjection {

    public Uni<Void> leadExists(String organizationId, String leadId) {
        return execute("insert into crm_lead (id, organization_id) values (?1, ?2) on conflict (id) do nothing",
                leadId, organizationId);
    }

    public Uni<Void> leadDeleted(String organizationId, String leadId) {
        return execute("insert into crm_lead (id, organization_id, deleted) values (?1, ?2, true)"
                + " on conflict (id) do update set deleted = true", leadId, organizationId)
                .chain(() -> execute("update crm_contact set deleted = true where organization_id = ?1 and lead_id = ?2",
                        organizationId, leadId));
    }

    /** A contact and its (current) lead; a contact moved to another lead by a merge follows it. */
    public Uni<Void> contactExists(String organizationId, String contactId, String leadId) {
        return execute("insert into crm_contact (id, organization_id, lead_id) values (?1, ?2, ?3)"
                + " on conflict (id) do update set lead_id = excluded.lead_id where not crm_contact.deleted",
                contactId, organizationId, leadId);
    }

    public Uni<Void> contactDeleted(String organizationId, String contactId, String leadId) {
        return execute("insert into crm_contact (id, organization_id, lead_id, deleted) values (?1, ?2, ?3, true)"
                + " on conflict (id) do update set deleted = true", contactId, organizationId, leadId);
    }

    /** The source lead is gone; its contacts now belong to the destination. */
    public Uni<Void> leadMerged(String organizationId, String sourceLeadId, String destinationLeadId) {
        return execute("update crm_contact set lead_id = ?3 where organization_id = ?1 and lead_id = ?2",
                organizationId, sourceLeadId, destinationLeadId)
                .chain(() -> leadExists(organizationId, destinationLeadId))
                .chain(() -> execute("insert into crm_lead (id, organization_id, deleted) values (?1, ?2, true)"
                        + " on conflict (id) do update set deleted = true", sourceLeadId, organizationId));
    }

    /** One native statement in the current session (the projections here are kept by such idempotent statements). */
    public static Uni<Void> execute(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
