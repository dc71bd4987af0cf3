package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.custom.CustomValues.Change;
import io.leadline.core.custom.CustomValues.Operation;
import io.leadline.core.user.OrganizationUsers;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.RequestBody;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one validator of custom values for leads, contacts and opportunities: a body's {@code custom.…} changes are
 * checked against the organization's definitions for the object's kind (loaded in the write's session, one query,
 * only when the body has custom keys), normalised ({@link CustomFieldType}) and applied to the stored values. Every
 * problem is a field error naming the key, added to the body's errors, so the write answers one 400 and writes
 * nothing.
 */
@ApplicationScoped
public class CustomFieldValues {

    private static final String USER_PREFIX = "user_";

    @Inject
    CustomFieldRepository fields;

    @Inject
    OrganizationUsers users;

    /**
     * The stored values with the changes applied, in their stored form. {@code leadId} is the lead the object
     * belongs to after the write (values of contact fields must be its contacts); null for a lead being created.
     * Fails with the body's field errors when anything is wrong (also errors the body collected before).
     */
    public Uni<Map<String, Object>> apply(Caller caller, String owner, String leadId, Map<String, Object> stored,
                                          List<Change> changes, RequestBody body) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(stored);
        }
        FieldScope scope = FieldScope.of(owner);
        return fields.ofScope(caller.organizationId(), scope)
                .chain(definitions -> applyWith(caller, scope, definitions, leadId, stored, changes, body, false));
    }

    /**
     * The custom values of several new objects of one kind created by one body (a lead POST's {@code contacts}), in
     * their order, with the definitions loaded once. They belong to a new lead, so no contact field can name one.
     */
    public Uni<List<Map<String, Object>>> applyToNew(Caller caller, String owner, List<List<Change>> changes,
                                                     List<RequestBody> bodies) {
        List<Map<String, Object>> results = new ArrayList<>();
        if (changes.stream().allMatch(List::isEmpty)) {
            changes.forEach(ignored -> results.add(Map.of()));
            return Uni.createFrom().item(results);
        }
        FieldScope scope = FieldScope.of(owner);
        return fields.ofScope(caller.organizationId(), scope).chain(definitions -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (int i = 0; i < changes.size(); i++) {
                int index = i;
                all = all.chain(() -> applyWith(caller, scope, definitions, null, Map.of(), changes.get(index),
                        bodies.get(index), false).invoke(results::add).replaceWithVoid());
            }
            return all.replaceWith(results);
        });
    }

    /**
     * The values of a custom object of the type with the changes applied: checked against the type's fields, and
     * every {@code required} field must have a value afterwards (Close: "required to save the object"), on create
     * and on every update.
     */
    public Uni<Map<String, Object>> applyToCustomObject(Caller caller, String typeId, String leadId,
                                                        Map<String, Object> stored, List<Change> changes,
                                                        RequestBody body) {
        FieldScope scope = FieldScope.customObjectType(typeId);
        return fields.ofScope(caller.organizationId(), scope)
                .chain(definitions -> applyWith(caller, scope, definitions, leadId, stored, changes, body, true));
    }

    private Uni<Map<String, Object>> applyWith(Caller caller, FieldScope scope, List<CustomField> definitions,
                                               String leadId, Map<String, Object> stored, List<Change> changes,
                                               RequestBody body, boolean enforceRequired) {
        Map<String, CustomField> byId = definitions.stream()
                .collect(Collectors.toMap(field -> field.id, Function.identity()));
        return users.idsByName(caller.organizationId(), userNames(byId, changes)).chain(userIds ->
                applyWith(caller, scope, definitions, byId, userIds, leadId, stored, changes, body, enforceRequired));
    }

    /** The names (not ids) sent as values of user fields: Close accepts a user's name on input and stores the id. */
    private static List<String> userNames(Map<String, CustomField> byId, List<Change> changes) {
        List<String> names = new ArrayList<>();
        for (Change change : changes) {
            CustomField field = byId.get(change.fieldId());
            if (field != null && field.type() == CustomFieldType.USER && !change.value().isNull()) {
                for (JsonNode item : change.value().isArray() ? change.value() : List.of(change.value())) {
                    if (item.isTextual() && !item.asText().isBlank() && !isUserId(item.asText().trim())) {
                        names.add(item.asText());
                    }
                }
            }
        }
        return names;
    }

    private Uni<Map<String, Object>> applyWith(Caller caller, FieldScope scope, List<CustomField> definitions,
                                               Map<String, CustomField> byId, Map<String, String> userIds,
                                               String leadId, Map<String, Object> stored, List<Change> changes,
                                               RequestBody body, boolean enforceRequired) {
        Map<String, Object> values = new LinkedHashMap<>(stored);
        References references = new References();
        for (Change change : changes) {
            CustomField field = byId.get(change.fieldId());
            if (field == null) {
                body.fail(change.key(), "Unknown custom field for " + scope.path() + ": " + change.fieldId() + ".");
            } else if (mayEdit(caller, field.rolesIn(scope), change, body)) {
                references.add(field, applyOne(field, change, values, userIds, body), change.key());
            }
        }
        if (enforceRequired) {
            definitions.stream().filter(field -> field.requiredIn(scope) && !values.containsKey(field.id))
                    .forEach(field -> body.fail(CustomValues.PREFIX + field.id, RequestBody.REQUIRED));
        }
        return checkContacts(caller, leadId, references.contacts, body)
                .chain(() -> checkCustomObjects(caller, leadId, references.customObjects, body))
                .map(ignored -> {
                    body.throwIfInvalid();
                    return values;
                });
    }

    /**
     * The ids a body's values point at, each with the first key that named it (for its error): contacts of the
     * lead, and custom objects of the lead by their referenced type.
     */
    private static final class References {
        final Map<String, String> contacts = new LinkedHashMap<>();
        final Map<String, Map<String, String>> customObjects = new LinkedHashMap<>();

        void add(CustomField field, List<String> ids, String key) {
            Map<String, String> target = field.type() == CustomFieldType.CONTACT ? contacts
                    : customObjects.computeIfAbsent(field.referencedCustomTypeId, type -> new LinkedHashMap<>());
            ids.forEach(id -> target.putIfAbsent(id, key));
        }
    }

    /** Fields limited to some roles take values only from those roles (and admins). */
    private static boolean mayEdit(Caller caller, List<String> roles, Change change, RequestBody body) {
        if (roles.isEmpty() || caller.isAdmin() || roles.contains(caller.role())) {
            return true;
        }
        body.fail(change.key(), "Your role can't change this field.");
        return false;
    }

    /** Applies one change to the values; answers the ids of contacts or custom objects it set or added, which the lead must have. */
    private static List<String> applyOne(CustomField field, Change change, Map<String, Object> values,
                                         Map<String, String> userIds, RequestBody body) {
        JsonNode raw = change.value();
        if (change.operation() != Operation.SET && !field.acceptsMultipleValues) {
            body.fail(change.key(), "Only fields that accept multiple values take .add and .remove.");
            return List.of();
        }
        if (raw.isNull()) {
            if (change.operation() == Operation.SET) {
                values.remove(field.id);
            } else {
                body.fail(change.key(), "Expected a value or a list of values.");
            }
            return List.of();
        }
        if (raw.isArray() && !field.acceptsMultipleValues) {
            body.fail(change.key(), "This field accepts a single value.");
            return List.of();
        }
        List<Object> items = new ArrayList<>();
        for (JsonNode item : raw.isArray() ? raw : List.of(raw)) {
            Optional<Object> normalized = normalize(field, item, userIds);
            if (normalized.isEmpty()) {
                body.fail(change.key(), problemWith(field, item, userIds));
                return List.of();
            }
            items.add(normalized.get());
        }
        if (!field.acceptsMultipleValues) {
            values.put(field.id, items.get(0));
            return field.type().isReference() ? List.of((String) items.get(0)) : List.of();
        }
        Set<Object> current = new LinkedHashSet<>(change.operation() == Operation.SET ? List.of() : storedList(values.get(field.id)));
        if (change.operation() == Operation.REMOVE) {
            items.forEach(current::remove);
        } else {
            current.addAll(items);
        }
        if (current.isEmpty()) {
            values.remove(field.id);
        } else {
            values.put(field.id, new ArrayList<>(current));
        }
        return field.type().isReference() && change.operation() != Operation.REMOVE
                ? items.stream().map(String.class::cast).toList() : List.of();
    }

    private static Optional<Object> normalize(CustomField field, JsonNode item, Map<String, String> userIds) {
        Optional<Object> value = field.type().normalize(item);
        return switch (field.type()) {
            case CHOICES -> value.filter(field.choices()::contains);
            case USER -> value.map(text -> isUserId((String) text) ? text
                            : userIds.getOrDefault(OrganizationUsers.key((String) text), OrganizationUsers.AMBIGUOUS))
                    .filter(id -> !OrganizationUsers.AMBIGUOUS.equals(id));
            case CONTACT, CUSTOM_OBJECT -> value.filter(id -> ((String) id).length() <= 64);
            default -> value;
        };
    }

    private static boolean isUserId(String text) {
        return text.startsWith(USER_PREFIX) && text.length() <= 64;
    }

    private static String problemWith(CustomField field, JsonNode item, Map<String, String> userIds) {
        if (field.type() == CustomFieldType.USER && item.isTextual() && !item.asText().isBlank()) {
            String name = item.asText().trim();
            return OrganizationUsers.AMBIGUOUS.equals(userIds.get(OrganizationUsers.key(name)))
                    ? "More than one user is named " + name + "; send the user id."
                    : "No user of the organization is named " + name + ".";
        }
        return field.type().expectation();
    }

    /** A stored value as a list (a value stored before the field accepted many is one item). */
    private static List<Object> storedList(Object stored) {
        if (stored == null) {
            return List.of();
        }
        return stored instanceof List<?> list ? new ArrayList<>(list) : List.of(stored);
    }

    /** One query for every contact id the body names; ids that aren't contacts of the lead are field errors. */
    private Uni<Void> checkContacts(Caller caller, String leadId, Map<String, String> contactKeys, RequestBody body) {
        return checkIds(contactKeys, ids -> fields.contactsOfLead(caller.organizationId(), leadId, ids), leadId,
                "Unknown contact of this lead: ", body);
    }

    /** One query per referenced type for the custom object ids the body names; others are field errors. */
    private Uni<Void> checkCustomObjects(Caller caller, String leadId, Map<String, Map<String, String>> byType,
                                         RequestBody body) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<String, Map<String, String>> type : byType.entrySet()) {
            all = all.chain(() -> checkIds(type.getValue(), ids -> fields.customObjectsOfLead(caller.organizationId(),
                    leadId, type.getKey(), ids), leadId, "Unknown custom object of this lead and type: ", body));
        }
        return all;
    }

    /** The ids (each with its key) the lead has, by one query; the others are field errors. No lead, none known. */
    private static Uni<Void> checkIds(Map<String, String> keys, Function<Set<String>, Uni<List<String>>> known,
                                      String leadId, String unknown, RequestBody body) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<List<String>> found = leadId == null ? Uni.createFrom().item(List.of()) : known.apply(keys.keySet());
        return found.invoke(ids -> {
            Set<String> ofLead = new HashSet<>(ids);
            keys.forEach((id, key) -> {
                if (!ofLead.contains(id)) {
                    body.fail(key, unknown + id + ".");
                }
            });
        }).replaceWithVoid();
    }
}
