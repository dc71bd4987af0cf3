package io.leadline.core.leadactivity;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.events.ConsumedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Keeps {@code lead_activity} (which lead each activity belongs to, and its kind) from activities-service's events,
 * for the lead query's {@code has:calls} and the like. An activity's row follows its last event: created and updated
 * upsert it (an update may move it to another lead), deleted removes it.
 */
@ApplicationScoped
public class LeadActivities {

    /** The activity kinds ({@code activity.<kind>} events) that {@code has:} asks about. */
    static final List<String> KINDS = List.of("call", "email", "sms", "note", "meeting", "whatsapp_message");

    Uni<Void> stored(ConsumedEvent event) {
        JsonNode data = event.data();
        String leadId = data != null && data.hasNonNull("lead_id") ? data.get("lead_id").asText() : event.leadId();
        if (leadId == null || event.objectId() == null) {
            return Uni.createFrom().voidItem();
        }
        String kind = event.objectType().substring("activity.".length());
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into lead_activity (organization_id, activity_id, lead_id, kind)"
                                + " values (:org, :activity, :lead, :kind)"
                                + " on conflict (organization_id, activity_id) do update set lead_id = excluded.lead_id")
                        .setParameter("org", event.organizationId())
                        .setParameter("activity", event.objectId())
                        .setParameter("lead", leadId)
                        .setParameter("kind", kind)
                        .executeUpdate())
                .replaceWithVoid();
    }

    Uni<Void> removed(ConsumedEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from lead_activity where organization_id = :org and activity_id = :activity")
                        .setParameter("org", event.organizationId())
                        .setParameter("activity", event.objectId())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
