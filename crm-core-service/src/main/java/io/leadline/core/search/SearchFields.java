package io.leadline.core.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed table of what a search may name: the searchable object types, their tables, their regular fields as SQL
 * over the object's alias, and how objects relate. Nothing else ever reaches a statement's text: a field name from
 * a request only selects one of these constants.
 */
public final class SearchFields {

    /** What conditions a field takes. */
    public enum Kind {
        /** free text: text, term, exists */
        TEXT,
        /** ids and enumerations: term, reference, current_user, exists */
        KEY,
        NUMBER,
        /** a timestamptz: moment_range */
        MOMENT,
        /** a date column: moment_range, by its UTC day */
        DAY,
        BOOLEAN
    }

    /** A field's SQL, {@code {a}} standing for the object's alias. */
    public record Spec(String template, Kind kind) {
        String sql(String alias) {
            return template.replace("{a}", alias);
        }
    }

    /** A searchable type: its table, whether it has custom values, its fields and the types it points at. */
    public record ObjectKind(String type, String table, boolean hasCustom, Map<String, Spec> fields,
                             Map<String, String> parents) {
    }

    /** Types Close searches that live in other services or don't exist yet. */
    private static final Set<String> NOT_YET = Set.of("activity", "custom_object", "contact_email", "contact_phone",
            "contact_url", "address", "call", "email", "sms", "meeting", "note", "whatsapp_message",
            "custom_activity", "form_submission", "sequence_subscription");

    private static final Map<String, ObjectKind> KINDS = Map.of(
            "lead", new ObjectKind("lead", "lead", true, fields(
                    "id", key("id"), "name", text("name"), "display_name", text("name"),
                    "description", text("description"), "url", text("url"), "status_id", key("status_id"),
                    "status_label", new Spec("(select s.label from lead_status s where s.id = {a}.status_id)", Kind.TEXT),
                    "created_by", key("created_by"), "updated_by", key("updated_by"),
                    "date_created", moment("date_created"), "date_updated", moment("date_updated")),
                    Map.of()),
            "contact", new ObjectKind("contact", "contact", true, fields(
                    "id", key("id"), "lead_id", key("lead_id"), "name", text("name"), "title", text("title"),
                    "created_by", key("created_by"), "updated_by", key("updated_by"),
                    "date_created", moment("date_created"), "date_updated", moment("date_updated")),
                    Map.of("lead", "lead_id")),
            "opportunity", new ObjectKind("opportunity", "opportunity", true, fields(
                    "id", key("id"), "lead_id", key("lead_id"), "contact_id", key("contact_id"),
                    "user_id", key("user_id"), "status_id", key("status_id"),
                    "status_type", new Spec("(select s.status_type from opportunity_status s where s.id = {a}.status_id)",
                            Kind.KEY),
                    "status_label", new Spec("(select s.label from opportunity_status s where s.id = {a}.status_id)",
                            Kind.TEXT),
                    "note", text("note"), "value", number("value"), "confidence", number("confidence"),
                    "value_period", key("value_period"), "date_won", new Spec("{a}.date_won", Kind.DAY),
                    "date_lost", new Spec("{a}.date_lost", Kind.DAY), "created_by", key("created_by"),
                    "updated_by", key("updated_by"), "date_created", moment("date_created"),
                    "date_updated", moment("date_updated")),
                    Map.of("lead", "lead_id", "contact", "contact_id")),
            "task", new ObjectKind("task", "task", false, fields(
                    "id", key("id"), "lead_id", key("lead_id"), "contact_id", key("contact_id"),
                    "assigned_to", key("assigned_to"), "_type", key("task_type"), "text", text("text"),
                    "is_complete", new Spec("{a}.is_complete", Kind.BOOLEAN), "date", moment("date_effective"),
                    "due_date", moment("date_effective"), "created_by", key("created_by"),
                    "updated_by", key("updated_by"), "date_created", moment("date_created"),
                    "date_updated", moment("date_updated")),
                    Map.of("lead", "lead_id", "contact", "contact_id")));

    private SearchFields() {
    }

    /** The searchable type, or a 400 naming {@code path}: unknown, or not searchable yet. */
    public static ObjectKind kind(String type, String path) {
        ObjectKind kind = KINDS.get(type);
        if (kind != null) {
            return kind;
        }
        if (type != null && (NOT_YET.contains(type) || type.startsWith("activity.") || type.startsWith("custom_object"))) {
            throw StructuredQueryParser.error(path, "Objects of type \"" + type + "\" are not searchable yet;"
                    + " searchable: lead, contact, opportunity, task.");
        }
        throw StructuredQueryParser.error(path, "Unknown object type \"" + type + "\"; searchable: lead, contact,"
                + " opportunity, task.");
    }

    static Optional<Spec> field(ObjectKind kind, String name) {
        return Optional.ofNullable(kind.fields().get(name));
    }

    private static Map<String, Spec> fields(Object... pairs) {
        Map<String, Spec> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Spec) pairs[i + 1]);
        }
        return Map.copyOf(fields);
    }

    private static Spec key(String column) {
        return new Spec("{a}." + column, Kind.KEY);
    }

    private static Spec text(String column) {
        return new Spec("{a}." + column, Kind.TEXT);
    }

    private static Spec number(String column) {
        return new Spec("{a}." + column, Kind.NUMBER);
    }

    private static Spec moment(String column) {
        return new Spec("{a}." + column, Kind.MOMENT);
    }
}
