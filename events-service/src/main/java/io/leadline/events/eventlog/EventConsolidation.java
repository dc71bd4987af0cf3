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
 * two events merge, what the merged event looks like, and how one poll is folded, in order, starting from the newest
 * stored event of each object, so the log is the same however the events fall into polls.
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

    /**
     * The objects whose first event in the poll is an update: only their newest stored event may take something in
     * (for any other object, another action comes first in the poll).
     */
    Set<ObjectKey> lookUp(List<StoredEvent> poll) {
        Set<ObjectKey> seen = new HashSet<>();
        Set<ObjectKey> lookUp = new LinkedHashSet<>();
        for (StoredEvent event : poll) {
            ObjectKey key = ObjectKey.of(event);
            if (key != null && seen.add(key) && UPDATED.equals(event.action())) {
                lookUp.add(key);
            }
        }
        return lookUp;
    }

    /**
     * Folds a poll (already free of known ids), in order, as if its events arrived one by one: each update folds
     * into its object's open event, which is at first the newest stored one ({@code newest}, those that may still
     * change) and then the latest event of the object in this poll. Any other action closes the object's open event.
     */
    Outcome fold(List<StoredEvent> poll, Map<ObjectKey, StoredEvent> newest) {
        List<StoredEvent> inserts = new ArrayList<>();
        Map<ObjectKey, StoredEvent> rewrites = new LinkedHashMap<>();
        Map<ObjectKey, StoredEvent> openStored = new HashMap<>(newest);
        Map<ObjectKey, Integer> openInserted = new HashMap<>();
        Map<String, String> absorbed = new LinkedHashMap<>();
        for (StoredEvent event : poll) {
            ObjectKey key = ObjectKey.of(event);
            StoredEvent stored = key == null ? null : openStored.get(key);
            Integer at = key == null ? null : openInserted.get(key);
            if (stored != null && merges(stored, event)) {
                StoredEvent merged = merge(stored, event);
                openStored.put(key, merged);
                rewrites.put(key, merged);
                absorbed.put(event.id(), merged.id());
            } else if (at != null && merges(inserts.get(at), event)) {
                inserts.set(at, merge(inserts.get(at), event));
                absorbed.put(event.id(), inserts.get(at).id());
            } else {
                inserts.add(event);
                if (key != null) {
                    // the stored event is behind this one now; only this one may take the next update in
                    openStored.remove(key);
                    if (UPDATED.equals(event.action())) {
                        openInserted.put(key, inserts.size() - 1);
                    } else {
                        openInserted.remove(key);
                    }
                }
            }
        }
        return new Outcome(inserts, new ArrayList<>(rewrites.values()), absorbed);
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
