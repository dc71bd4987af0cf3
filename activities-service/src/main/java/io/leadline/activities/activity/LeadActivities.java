package io.leadline.activities.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What happens to every activity of a lead or contact when crm-core merges or deletes it: each activity changes
 * through its entity (so its stored document follows) and records its own event, in the consumer's transaction.
 */
@ApplicationScoped
public class LeadActivities {

    @Inject
    Outbox outbox;

    /** The source lead's activities now belong to the destination; their updated events carry the merge. */
    public Uni<Void> move(Caller caller, String sourceLeadId, String destinationLeadId) {
        return change(caller, "leadId", sourceLeadId, activity -> {
            ObjectNode before = activity.toJson();
            activity.leadId = destinationLeadId;
            activity.touch(caller, CloseDateTimes.now());
            return DomainEvent.updated(caller, activity.type().eventObjectType(), activity.id, activity.leadId, before,
                            activity.toJson())
                    .map(event -> event.withMeta("merge_source_lead_id", sourceLeadId)
                            .withMeta("merge_destination_lead_id", destinationLeadId));
        });
    }

    /** A deleted lead's activities are deleted with it, each with its deleted event. */
    public Uni<Void> deleteAll(Caller caller, String leadId) {
        return activities(caller, "leadId", leadId).chain(activities -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Activity activity : activities) {
                chain = chain.chain(() -> Panache.getSession().chain(session -> session.remove(activity)))
                        .chain(() -> outbox.append(DomainEvent.deleted(caller, activity.type().eventObjectType(),
                                activity.id, activity.leadId, activity.toJson())));
            }
            return chain;
        });
    }

    /** A deleted contact is no longer named by any activity. */
    public Uni<Void> clearContact(Caller caller, String contactId) {
        return change(caller, "contactId", contactId, activity -> {
            ObjectNode before = activity.toJson();
            activity.contactId = null;
            activity.touch(caller, CloseDateTimes.now());
            return DomainEvent.updated(caller, activity.type().eventObjectType(), activity.id, activity.leadId, before,
                    activity.toJson());
        });
    }

    private Uni<Void> change(Caller caller, String field, String value,
                             Function<Activity, Optional<DomainEvent>> change) {
        return activities(caller, field, value).chain(activities -> {
            List<DomainEvent> events = new ArrayList<>();
            activities.forEach(activity -> change.apply(activity).ifPresent(events::add));
            return outbox.appendAll(events);
        });
    }

    /** The organization's activities whose {@code field} (an entity attribute name, never input) is {@code value}. */
    private static Uni<List<Activity>> activities(Caller caller, String field, String value) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from Activity where organizationId = :org and " + field + " = :value"
                        + " order by dateCreated, id", Activity.class)
                .setParameter("org", caller.organizationId())
                .setParameter("value", value)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
    }

}
