package io.leadline.activities.leads;

import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.FieldErrors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks the {@code lead_id} and {@code contact_id} a request names against what this service knows of crm-core's
 * leads and contacts, within the caller's organization. A problem is a field error of the request (400), never a 404:
 * the activity is what the request is about, the lead only a reference.
 */
@ApplicationScoped
public class LeadReferences {

    static final String UNKNOWN_LEAD = "Lead does not exist.";
    static final String UNKNOWN_CONTACT = "Contact does not exist or does not belong to the lead.";

    /**
     * Records a field error for a lead the organization does not have, or a contact that is not the lead's; null ids
     * are not checked (a missing lead_id is the input's own error).
     */
    public Uni<Void> check(Caller caller, String leadId, String contactId, FieldErrors errors) {
        if (leadId == null) {
            return Uni.createFrom().voidItem();
        }
        return leadExists(caller.organizationId(), leadId).chain(leadFound -> {
            if (!leadFound) {
                errors.add("lead_id", UNKNOWN_LEAD);
                return Uni.createFrom().voidItem();
            }
            if (contactId == null) {
                return Uni.createFrom().voidItem();
            }
            return contactOf(caller.organizationId(), contactId, leadId).invoke(contactFound -> {
                if (!contactFound) {
                    errors.add("contact_id", UNKNOWN_CONTACT);
                }
            }).replaceWithVoid();
        });
    }

    private Uni<Boolean> leadExists(String organizationId, String leadId) {
        return exists("select 1 from crm_lead where id = ?1 and organization_id = ?2 and not deleted",
                leadId, organizationId);
    }

    private Uni<Boolean> contactOf(String organizationId, String contactId, String leadId) {
        return exists("select 1 from crm_contact where id = ?1 and organization_id = ?2 and lead_id = ?3 and not deleted",
                contactId, organizationId, leadId);
    }

    private static Uni<Boolean> exists(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        }).map(rows -> !rows.isEmpty());
    }
}
