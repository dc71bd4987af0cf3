package io.leadline.activities.leads;

import io.leadline.platform.owner.OwnedObject;
import io.leadline.platform.owner.OwnerApi;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.FieldErrors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Checks the {@code lead_id} and {@code contact_id} a request names, within the caller's organization. The
 * projection of crm-core's events answers almost always; an id it has never seen (a lead created a moment ago, its
 * event still on its way) is asked of crm-core with the caller's token, and what crm-core knows is added to the
 * projection, so it is asked once. crm-core being away is a 503 (from {@link OwnerApi}), never a wrong "unknown".
 * A problem is a field error (400), never a 404: the activity is what the request is about, the lead a reference.
 */
@ApplicationScoped
public class LeadReferences {

    static final String UNKNOWN_LEAD = "Unknown lead id.";
    static final String UNKNOWN_CONTACT = "Unknown contact id, or not a contact of this lead.";

    @Inject
    OwnerApi owners;

    @Inject
    LeadProjection projection;

    /**
     * Records a field error for a lead the organization does not have, or a contact that is not the lead's; null ids
     * are not checked (a missing lead_id is the input's own error).
     *
     * @param internalToken the caller's internal JWT, to ask crm-core on a projection miss
     */
    public Uni<Void> check(Caller caller, String internalToken, String leadId, String contactId, FieldErrors errors) {
        if (leadId == null) {
            return Uni.createFrom().voidItem();
        }
        return leadOf(caller, internalToken, leadId).chain(leadFound -> {
            if (!leadFound) {
                errors.add("lead_id", UNKNOWN_LEAD);
                return Uni.createFrom().voidItem();
            }
            if (contactId == null) {
                return Uni.createFrom().voidItem();
            }
            return contactLead(caller, internalToken, contactId).invoke(contactsLead -> {
                if (!contactsLead.map(leadId::equals).orElse(false)) {
                    errors.add("contact_id", UNKNOWN_CONTACT);
                }
            }).replaceWithVoid();
        });
    }

    /** Whether the lead is the organization's: known here, else as crm-core answers (then remembered). */
    private Uni<Boolean> leadOf(Caller caller, String internalToken, String leadId) {
        return rows("select organization_id, deleted from crm_lead where id = ?1", leadId).chain(rows -> {
            if (!rows.isEmpty()) {
                return Uni.createFrom().item(isOurs(rows.get(0), caller));
            }
            return owners.find(leadId, internalToken).chain(found -> found
                    .filter(lead -> "lead".equals(lead.objectType()) && caller.organizationId().equals(lead.organizationId()))
                    .map(lead -> projection.leadExists(caller.organizationId(), leadId).replaceWith(true))
                    .orElseGet(() -> Uni.createFrom().item(false)));
        });
    }

    /** The lead of the organization's contact; empty when the organization has no such contact. */
    private Uni<Optional<String>> contactLead(Caller caller, String internalToken, String contactId) {
        return rows("select organization_id, deleted, lead_id from crm_contact where id = ?1", contactId).chain(rows -> {
            if (!rows.isEmpty()) {
                Object[] row = rows.get(0);
                return Uni.createFrom().item(isOurs(row, caller) ? Optional.of((String) row[2]) : Optional.<String>empty());
            }
            return owners.find(contactId, internalToken).chain(found -> {
                Optional<OwnedObject> contact = found.filter(object -> "contact".equals(object.objectType())
                        && caller.organizationId().equals(object.organizationId()) && object.leadId() != null);
                if (contact.isEmpty()) {
                    return Uni.createFrom().item(Optional.<String>empty());
                }
                String lead = contact.get().leadId();
                return projection.contactExists(caller.organizationId(), contactId, lead).replaceWith(Optional.of(lead));
            });
        });
    }

    private static boolean isOurs(Object[] row, Caller caller) {
        return caller.organizationId().equals(row[0]) && !Boolean.TRUE.equals(row[1]);
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Object[]>> rows(String sql, String id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter(1, id)
                .getResultList());
    }
}
