package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Close's consolidation (NOTES §7): rapid updates of one object merge into one event. Pure rules, no database: which
 * two events merge, what the merged event looks like, and how one poll is folded, first within itself, then onto
 * the newest stored event of each object.
 */
public final class EventConsolidation {

    static final String UPDATED = "updated";

    private final Duration window;

    EventConsolidation(Duration window) {
        this.window = window;
    }

    boolean enabled() {
        return !window.isZero() && !window.isNegative();
    }

    /**
     * Whether {@code later} folds into {@code earlier}: both updates of the same object by the same user (a merged
     * event names one actor), {@code later} not older, and either made by the same request or within the window
     * that starts at the earlier event's first change (so a steadily edited object still gets an event per window).
     */
    boolean merges(StoredEvent earlier, StoredEvent later) {
        if (!UPDATED.equals(earlier.action()) || !UPDATED.equals(later.action()) || later.objectId() == null
                || !later.objectId().equals(earlier.objectId())
                || !later.objectType().equals(earlier.objectType())
                || !later.organizationId().equals(earlier.organizationId())
                || !Objects.equals(earlier.userId(), later.userId())
                || later.dateUpdated().isBefore(earlier.dateUpdated())) {
            return false;
        }
        boolean sameRequest = earlier.requestId() != null && earlier.requestId().equals(later.requestId());
        return sameRequest || !later.dateUpdated().isAfter(earlier.dateCreated().plus(window));
    }

    /**
     * {@code earlier} with {@code later} folded in: its id, {@code date_created}, actor, request and meta; the
     * later {@code date_updated} and {@code data}; {@code changed_fields} the union in first-change order;
     * {@code previous_data} each field's value from before its first change in the run.
     */
    static StoredEvent merge(StoredEvent earlier, StoredEvent later) {
        ObjectNode json = earlier.json().deepCopy();
        json.set("date_updated", later.json().get("date_updated"));
        json.set("data", later.json().get("data"));
        Set<String> changed = new LinkedHashSet<>();
        addTexts(changed, earlier.json().get("changed_fields"));
        addTexts(changed, later.json().get("changed_fields"));
        ArrayNode fields = json.putArray("changed_fields");
        changed.forEach(fields::add);
        JsonNode laterPrevious = later.json().get("previous_data");
        if (laterPrevious instanceof ObjectNode additions) {
            ObjectNode previous = json.get("previous_data") instanceof ObjectNode kept ? kept : json.putObject("previous_data");
            additions.fields().forEachRemaining(field -> {
                if (!previous.has(field.getKey())) {
                    previous.set(field.getKey(), field.getValue());
                }
            });
        }
        return new StoredEvent(earlier.id(), earlier.organizationId(), earlier.objectType(), earlier.objectId(),
                earlier.action(), earlier.leadId(), earlier.userId(), earlier.requestId(), earlier.dateCreated(),
                later.dateUpdated(), json);
    }

    private static void addTexts(Set<String> into, JsonNode array) {
        if (array != null && array.isArray()) {
            array.forEach(value -> into.add(value.asText()));
        }
    }

    /** Folds a poll (already free of known ids) within itself; the result says which stored events to look up. */
    BatchFold fold(List<StoredEvent> events) {
        List<StoredEvent> heads = new ArrayList<>();
        Map<ObjectKey, Integer> open = new HashMap<>();
        Set<ObjectKey> seen = new HashSet<>();
        Set<ObjectKey> lookUp = new LinkedHashSet<>();
        Map<String, String> absorbed = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            ObjectKey key = ObjectKey.of(event);
            Integer at = key == null ? null : open.get(key);
            if (at != null && merges(heads.get(at), event)) {
                heads.set(at, merge(heads.get(at), event));
                absorbed.put(event.id(), heads.get(at).id());
                continue;
            }
            heads.add(event);
            if (key == null) {
                continue;
            }
            if (UPDATED.equals(event.action())) {
                open.put(key, heads.size() - 1);
                if (!seen.contains(key)) {
                    // the object's first event in this poll: the newest stored one may take it in
                    lookUp.add(key);
                }
            } else {
                // another action in between: later updates start a new event, never reach back across it
                open.remove(key);
            }
            seen.add(key);
        }
        return new BatchFold(heads, absorbed, lookUp);
    }

    /** A poll folded within itself: the events left, which event absorbed which id, the objects to look up. */
    final class BatchFold {
        private final List<StoredEvent> heads;
        private final Map<String, String> absorbed;
        private final Set<ObjectKey> lookUp;

        BatchFold(List<StoredEvent> heads, Map<String, String> absorbed, Set<ObjectKey> lookUp) {
            this.heads = heads;
            this.absorbed = absorbed;
            this.lookUp = lookUp;
        }

        Set<ObjectKey> lookUp() {
            return lookUp;
        }

        /**
         * Folds onto {@code newest} (the newest stored event of each looked-up object, when it may still change):
         * a head that merges into it is not inserted; the stored event is rewritten instead.
         */
        Outcome onto(Map<ObjectKey, StoredEvent> newest) {
            List<StoredEvent> inserts = new ArrayList<>();
            List<StoredEvent> rewrites = new ArrayList<>();
            Map<String, String> into = new LinkedHashMap<>(absorbed);
            Set<ObjectKey> reached = new HashSet<>();
            for (StoredEvent head : heads) {
                ObjectKey key = ObjectKey.of(head);
                // only an object's first event in the poll reaches back to the stored one
                boolean first = key != null && lookUp.contains(key) && reached.add(key);
                StoredEvent stored = first ? newest.get(key) : null;
                if (stored != null && merges(stored, head)) {
                    rewrites.add(merge(stored, head));
                    into.put(head.id(), stored.id());
                    into.replaceAll((absorbedId, target) -> target.equals(head.id()) ? stored.id() : target);
                } else {
                    inserts.add(head);
                }
            }
            return new Outcome(inserts, rewrites, into);
        }
    }

    /**
     * What to write: new events, stored events rewritten by a merge, and each absorbed event id with the id of the
     * event that holds it now.
     */
    record Outcome(List<StoredEvent> inserts, List<StoredEvent> rewrites, Map<String, String> absorbed) {
    }

    /** One object of one organization. */
    record ObjectKey(String organizationId, String objectType, String objectId) {
        static ObjectKey of(StoredEvent event) {
            return event.objectId() == null ? null
                    : new ObjectKey(event.organizationId(), event.objectType(), event.objectId());
        }
    }
}
