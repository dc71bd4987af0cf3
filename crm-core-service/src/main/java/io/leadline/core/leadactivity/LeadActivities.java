package io.leadline.core.leadactivity;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.events.ConsumedEvent;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keeps {@code lead_activity} (which lead each activity belongs to, its kind, and what the lead query's activity
 * clauses filter on: direction, duration, user, status, date) from activities-service's events, for
 * {@code has:calls}, {@code call(...)}, {@code last_called:…} and the like. An activity's row follows its last
 * event: created, updated and sent upsert it (an update may move it to another lead), deleted removes it.
 */
@ApplicationScoped
public class LeadActivities {

    /** The activity kinds ({@code activity.<kind>} events) the lead query asks about. */
    static final List<String> KINDS = List.of("call", "email", "sms", "note", "meeting", "whatsapp_message");

    Uni<Void> stored(ConsumedEvent event) {
        JsonNode data = event.data();
        String leadId = data != null && data.hasNonNull("lead_id") ? data.get("lead_id").asText() : event.leadId();
        if (leadId == null || event.objectId() == null) {
            return Uni.createFrom().voidItem();
        }
        String kind = event.objectType().substring("activity.".length());
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into lead_activity (organization_id, activity_id, lead_id, kind, direction, duration,"
                                + " user_id, user_name, status, activity_at)"
                                + " values (:org, :activity, :lead, :kind, :direction, :duration, :user, :userName,"
                                + " :status, :at)"
                                + " on conflict (organization_id, activity_id) do update set lead_id = excluded.lead_id,"
                                + " direction = excluded.direction, duration = excluded.duration,"
                                + " user_id = excluded.user_id, user_name = excluded.user_name,"
                                + " status = excluded.status, activity_at = excluded.activity_at")
                        .setParameter("org", event.organizationId())
                        .setParameter("activity", event.objectId())
                        .setParameter("lead", leadId)
                        .setParameter("kind", kind)
                        .setParameter("direction", text(data, "direction", 16))
                        .setParameter("duration", seconds(data))
                        .setParameter("user", text(data, "user_id", 64))
                        .setParameter("userName", text(data, "user_name", 255))
                        .setParameter("status", text(data, "status", 32))
                        .setParameter("at", activityAt(data, event))
                        .executeUpdate())
                .replaceWithVoid();
    }

    Uni<Void> removed(ConsumedEvent event) {
        return removeRow("lead_activity", event);
    }

    /** Deletes the event's activity from {@code table} (one of this package's projections, never a caller's text). */
    static Uni<Void> removeRow(String table, ConsumedEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from " + table + " where organization_id = :org and activity_id = :activity")
                        .setParameter("org", event.organizationId())
                        .setParameter("activity", event.objectId())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** A text field of the activity, or null; cut to the column's size (an event must never fail on it). */
    static String text(JsonNode data, String field, int max) {
        if (data == null || !data.path(field).isValueNode() || data.get(field).isNull()) {
            return null;
        }
        String value = data.get(field).asText();
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** A call's (or meeting's) duration in whole seconds; null when the activity has none. */
    private static Integer seconds(JsonNode data) {
        JsonNode duration = data == null ? null : data.get("duration");
        if (duration == null || !duration.isNumber()) {
            return null;
        }
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, duration.asLong()));
    }

    /**
     * When the activity happened: its {@code activity_at} (Close's date of the activity), else its
     * {@code date_created}, else the event's.
     */
    static OffsetDateTime activityAt(JsonNode data, ConsumedEvent event) {
        for (String candidate : new String[] {text(data, "activity_at", 64), text(data, "date_created", 64),
                text(event.json(), "date_created", 64)}) {
            if (candidate != null) {
                var instant = CloseDateTimes.parseInstant(candidate);
                if (instant.isPresent()) {
                    return instant.get().atOffset(ZoneOffset.UTC);
                }
            }
        }
        return null;
    }
}
