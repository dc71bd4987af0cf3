package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Close shows an event's object snapshots ({@code data}, {@code previous_data}) to non-admins only while the event
 * is younger than an hour (NOTES §7): the log should not become a way around per-object permissions.
 */
final class EventPrivacy {

    private static final Duration SNAPSHOTS_VISIBLE_FOR = Duration.ofHours(1);

    private EventPrivacy() {
    }

    static ObjectNode visibleTo(Caller caller, ObjectNode event, Instant now) {
        if (caller.isAdmin() || isRecent(event, now)) {
            return event;
        }
        ObjectNode redacted = event.deepCopy();
        redacted.remove("data");
        redacted.remove("previous_data");
        return redacted;
    }

    private static boolean isRecent(ObjectNode event, Instant now) {
        JsonNode created = event.get("date_created");
        Optional<Instant> at = created == null ? Optional.empty() : CloseDateTimes.parseInstant(created.asText());
        return at.map(instant -> instant.isAfter(now.minus(SNAPSHOTS_VISIBLE_FOR))).orElse(false);
    }
}
