package io.leadline.core.leadactivity;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.events.ConsumedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/**
 * Keeps {@code opportunity_status_change} from activities-service's {@code activity.opportunity_status_change.*}
 * events, for the opportunity query's {@code status_change(old_status:… new_status:… date:…)}: created and updated
 * upsert the change, deleted removes it.
 */
@ApplicationScoped
public class OpportunityStatusChanges {

    static final String TYPE = "activity.opportunity_status_change";

    Uni<Void> stored(ConsumedEvent event) {
        JsonNode data = event.data();
        String opportunityId = LeadActivities.text(data, "opportunity_id", 64);
        OffsetDateTime at = LeadActivities.activityAt(data, event);
        if (opportunityId == null || event.objectId() == null || at == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into opportunity_status_change (organization_id, activity_id, opportunity_id,"
                                + " old_status_label, old_status_type, new_status_label, new_status_type, changed_at)"
                                + " values (:org, :activity, :opportunity, :oldLabel, :oldType, :newLabel, :newType, :at)"
                                + " on conflict (organization_id, activity_id) do update set"
                                + " opportunity_id = excluded.opportunity_id,"
                                + " old_status_label = excluded.old_status_label,"
                                + " old_status_type = excluded.old_status_type,"
                                + " new_status_label = excluded.new_status_label,"
                                + " new_status_type = excluded.new_status_type, changed_at = excluded.changed_at")
                        .setParameter("org", event.organizationId())
                        .setParameter("activity", event.objectId())
                        .setParameter("opportunity", opportunityId)
                        .setParameter("oldLabel", LeadActivities.text(data, "old_status_label", 255))
                        .setParameter("oldType", LeadActivities.text(data, "old_status_type", 16))
                        .setParameter("newLabel", LeadActivities.text(data, "new_status_label", 255))
                        .setParameter("newType", LeadActivities.text(data, "new_status_type", 16))
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    Uni<Void> removed(ConsumedEvent event) {
        return LeadActivities.removeRow("opportunity_status_change", event);
    }
}
