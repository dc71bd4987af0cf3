package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.ConsumedEvent;
import io.leadline.platform.wire.CloseDateTimes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One entry of the event log: the event exactly as its producer published it ({@code json}), plus the fields the
 * log filters and orders by, lifted out of it.
 */
public record StoredEvent(String id, String organizationId, String objectType, String objectId, String action,
                   String leadId, String userId, String requestId, Instant dateCreated, Instant dateUpdated,
                   ObjectNode json) {

    /** @throws IllegalArgumentException when the event cannot be placed in the log (no type, action or time) */
    public static StoredEvent from(ConsumedEvent event) {
        ObjectNode json = event.json();
        if (event.objectType() == null || event.action() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " has no object_type or action");
        }
        Optional<Instant> created = instant(json, "date_created");
        Optional<Instant> updated = instant(json, "date_updated");
        // Producers always send both; tolerate one missing, since either still places the event in time.
        Instant dateCreated = created.or(() -> updated)
                .orElseThrow(() -> new IllegalArgumentException("Event " + event.id() + " has no valid date"));
        Instant dateUpdated = updated.orElse(dateCreated);
        return new StoredEvent(event.id(), event.organizationId(), event.objectType(), event.objectId(),
                event.action(), event.leadId(), text(json, "user_id"), text(json, "request_id"),
                dateCreated, dateUpdated, json);
    }

    EventPosition position() {
        return new EventPosition(dateUpdated, id);
    }

    private static Optional<Instant> instant(ObjectNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            return Optional.empty();
        }
        Instant instant = CloseDateTimes.parseInstant(value)
                .orElseThrow(() -> new IllegalArgumentException("Invalid " + field + ": " + value));
        // PostgreSQL keeps microseconds; cursors must compare equal to what is stored.
        return Optional.of(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static String text(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
