package io.leadline.platform.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.id.Ids;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One entry of Close's event log (NOTES §7), as a producer writes it to its outbox. {@code data} is the object
 * exactly as the API returns it, so the event log and webhooks can deliver it untouched.
 */
public record DomainEvent(
        String id,
        String objectType,
        String objectId,
        String action,
        String organizationId,
        String leadId,
        String userId,
        String apiKeyId,
        String requestId,
        Instant dateCreated,
        Instant dateUpdated,
        List<String> changedFields,
        ObjectNode previousData,
        ObjectNode data,
        Map<String, Object> meta) {

    /** Fields every update touches; they alone do not make an update worth an event. */
    private static final List<String> BOOKKEEPING = List.of("date_updated", "updated_by", "updated_by_name");

    public static DomainEvent created(Caller caller, String objectType, String objectId, String leadId, ObjectNode data) {
        return of(caller, objectType, objectId, "created", leadId, List.of(), null, data);
    }

    /**
     * An update event whose {@code changed_fields} and {@code previous_data} come from comparing the object's wire
     * form before and after; empty when nothing but bookkeeping changed (Close logs no event for such an update).
     */
    public static Optional<DomainEvent> updated(Caller caller, String objectType, String objectId, String leadId,
                                                ObjectNode before, ObjectNode after) {
        List<String> changed = changedFields(before, after);
        if (BOOKKEEPING.containsAll(changed)) {
            return Optional.empty();
        }
        ObjectNode previous = JsonNodeFactory.instance.objectNode();
        changed.forEach(field -> previous.set(field, before.get(field)));
        return Optional.of(of(caller, objectType, objectId, "updated", leadId, changed, previous, after));
    }

    public static DomainEvent deleted(Caller caller, String objectType, String objectId, String leadId, ObjectNode before) {
        return of(caller, objectType, objectId, "deleted", leadId, List.of(), before, null);
    }

    /** An event with any other action (merged, completed, sent ...). */
    public static DomainEvent of(Caller caller, String objectType, String objectId, String action, String leadId,
                                 List<String> changedFields, ObjectNode previousData, ObjectNode data) {
        Instant now = CloseDateTimes.now();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("request_method", caller.requestMethod());
        meta.put("request_path", caller.requestPath());
        return new DomainEvent(Ids.shortId("ev"), objectType, objectId, action, caller.organizationId(), leadId,
                caller.userId(), caller.apiKeyId(), caller.requestId(), now, now, List.copyOf(changedFields),
                previousData, data, meta);
    }

    /** A copy with one more {@code meta} entry (e.g. merge_source_lead_id). */
    public DomainEvent withMeta(String key, Object value) {
        Map<String, Object> extended = new LinkedHashMap<>(meta);
        extended.put(key, value);
        return new DomainEvent(id, objectType, objectId, action, organizationId, leadId, userId, apiKeyId, requestId,
                dateCreated, dateUpdated, changedFields, previousData, data, extended);
    }

    /** The CloudEvents type, e.g. {@code lead.created} or {@code task.lead.completed}. */
    public String type() {
        return objectType + "." + action;
    }

    /** Kafka record key: the lead, so every event of one lead stays in order on one partition. */
    public String recordKey() {
        return leadId != null ? leadId : objectId;
    }

    public ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode node = json.objectNode();
        node.put("id", id);
        node.put("date_created", CloseDateTimes.format(dateCreated));
        node.put("date_updated", CloseDateTimes.format(dateUpdated));
        node.put("organization_id", organizationId);
        node.put("user_id", userId);
        node.put("request_id", requestId);
        node.put("api_key_id", apiKeyId);
        node.put("object_type", objectType);
        node.put("object_id", objectId);
        node.put("lead_id", leadId);
        node.put("action", action);
        changedFields.forEach(node.putArray("changed_fields")::add);
        node.set("previous_data", previousData == null ? json.objectNode() : previousData);
        node.set("data", data == null ? json.nullNode() : data);
        ObjectNode metaNode = node.putObject("meta");
        meta.forEach((key, value) -> metaNode.putPOJO(key, value));
        return node;
    }

    private static List<String> changedFields(ObjectNode before, ObjectNode after) {
        TreeSet<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }
}
