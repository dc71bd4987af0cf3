package io.leadline.core.savedsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.core.search.LeadQueryParser;
import io.leadline.core.search.SearchFilter;
import io.leadline.core.search.SearchSql;
import io.leadline.core.search.StructuredQueryParser;
import io.leadline.platform.wire.RequestBody;
import io.leadline.platform.wire.TextLimits;
import io.leadline.platform.wire.ValidationException;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A smart view body. {@code query} and {@code s_query} are checked by the same parsers and translation the searches
 * use, so a saved view always runs; {@code s_query} must search the view's {@code type} (Close: "an object_type
 * clause matching the type"). On update every key is optional; a changed query is checked against the final type.
 */
final class SavedSearchInput {

    /** Types whose objects crm-core searches; Close's activity types come with activities' search. */
    static final List<String> TYPES = List.of("lead", "contact", "opportunity");
    private static final List<String> LATER_TYPES = List.of("call", "email", "sms", "meeting", "note",
            "whatsapp_message", "custom_activity", "form_submission");

    final RequestBody body;
    final String name;
    final String description;
    final String type;
    final String query;
    final JsonNode sQuery;
    final List<String> selectedFields;
    final Map<String, Object> sharing;
    final boolean update;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedSearchInput(RequestBody body, boolean update) {
        this.body = body;
        this.update = update;
        this.name = !update || body.has("name") ? body.requiredNonBlank("name", RequestBody.NAME_LENGTH) : null;
        this.description = body.string("description", RequestBody.MAX_LENGTH);
        String requestedType = body.string("type", 64);
        if (requestedType != null && !TYPES.contains(requestedType)) {
            body.fail("type", LATER_TYPES.contains(requestedType)
                    ? "Smart views of type \"" + requestedType + "\" are not supported yet."
                    : "Choose one of: " + String.join(", ", TYPES) + ".");
        }
        this.type = requestedType;
        this.query = body.string("query", LeadQueryParser.MAX_LENGTH);
        this.sQuery = body.has("s_query") && !body.isNull("s_query") ? body.json().get("s_query") : null;
        if (sQuery != null && !sQuery.isObject()) {
            body.fail("s_query", "A structured query object is required.");
        }
        this.selectedFields = selectedFields(body);
        this.sharing = sharing(body);
        if (!update && query == null && sQuery == null) {
            body.fail("s_query", "A query or s_query is required.");
        }
    }

    static SavedSearchInput forCreate(JsonNode json) {
        return new SavedSearchInput(RequestBody.of(json), false);
    }

    static SavedSearchInput forUpdate(JsonNode json) {
        return new SavedSearchInput(RequestBody.of(json), true);
    }

    /**
     * The body's errors, then the queries as the view of {@code finalType} will run them (a 400 on {@code query} or
     * {@code s_query.…} when they don't parse, don't translate, or search another type).
     */
    void check(String finalType, ZoneOffset offset, String userId) {
        check(finalType, query, sQuery, offset, userId);
    }

    /** The same for an update of {@code stored}: the queries it will hold afterwards, under its final type. */
    void checkUpdateOf(SavedSearch stored, String finalType, ZoneOffset offset, String userId) {
        String finalQuery = body.has("query") ? query : stored.query;
        JsonNode finalSQuery = body.has("s_query") ? sQuery
                : stored.sQuery == null ? null : JSON.valueToTree(stored.sQuery);
        if (finalQuery == null && finalSQuery == null) {
            body.fail("s_query", "A query or s_query is required.");
        }
        check(finalType, finalQuery, finalSQuery, offset, userId);
    }

    private void check(String finalType, String query, JsonNode sQuery, ZoneOffset offset, String userId) {
        body.throwIfInvalid();
        if (query != null && !query.isBlank()) {
            if (!finalType.equals("lead")) {
                throw ValidationException.field("query", "The text query searches leads; use s_query for "
                        + finalType + " views.");
            }
            SearchSql.condition(LeadQueryParser.parse(query), "l", offset);
        }
        if (sQuery != null) {
            String text = sQuery.toString();
            if (text.contains("\\u0000") || TextLimits.unstorable(text) != null) {
                throw ValidationException.field("s_query", "Text can't hold NUL characters or lone surrogates.");
            }
            SearchFilter filter = StructuredQueryParser.parse(sQuery, "s_query", offset, userId);
            String searched = StructuredQueryParser.objectType(filter, "s_query");
            if (!searched.equals(finalType)) {
                throw ValidationException.field("s_query", "The object_type clause must match the view's type \""
                        + finalType + "\".");
            }
            SearchSql.condition(filter, searched, "x", offset);
        }
    }

    private static List<String> selectedFields(RequestBody body) {
        ArrayNode array = body.array("selected_fields", RequestBody.MAX_ITEMS);
        if (array == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode name = array.get(i);
            if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > RequestBody.NAME_LENGTH
                    || TextLimits.unstorable(name.asText()) != null) {
                body.fail("selected_fields." + i, "A field name is required.");
            } else {
                names.add(name.asText());
            }
        }
        return names;
    }

    /** {@code sharing_settings} ({@code whole_org}, {@code user_ids}, {@code group_ids}) or {@code is_shared}. */
    private static Map<String, Object> sharing(RequestBody body) {
        Boolean isShared = body.bool("is_shared");
        if (!body.has("sharing_settings") || body.isNull("sharing_settings")) {
            if (isShared == null) {
                return null;
            }
            return settings(isShared, List.of(), List.of());
        }
        JsonNode settings = body.json().get("sharing_settings");
        if (!settings.isObject()) {
            body.fail("sharing_settings", "An object is required.");
            return null;
        }
        JsonNode wholeOrg = settings.get("whole_org");
        if (wholeOrg != null && !wholeOrg.isNull() && !wholeOrg.isBoolean()) {
            body.fail("sharing_settings.whole_org", "Must be true or false.");
        }
        List<String> users = ids(body, settings, "user_ids");
        List<String> groups = ids(body, settings, "group_ids");
        boolean whole = wholeOrg != null && wholeOrg.isBoolean() ? wholeOrg.booleanValue() : isShared != null && isShared;
        return settings(whole, users, groups);
    }

    private static Map<String, Object> settings(boolean wholeOrg, List<String> users, List<String> groups) {
        Map<String, Object> sharing = new LinkedHashMap<>();
        sharing.put("whole_org", wholeOrg);
        sharing.put("user_ids", users);
        sharing.put("group_ids", groups);
        return sharing;
    }

    private static List<String> ids(RequestBody body, JsonNode settings, String field) {
        JsonNode array = settings.get(field);
        List<String> ids = new ArrayList<>();
        if (array == null || array.isNull()) {
            return ids;
        }
        if (!array.isArray() || array.size() > RequestBody.MAX_ITEMS) {
            body.fail("sharing_settings." + field, "A list of at most " + RequestBody.MAX_ITEMS + " ids is required.");
            return ids;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = array.get(i);
            if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > RequestBody.ID_LENGTH
                    || TextLimits.unstorable(id.asText()) != null) {
                body.fail("sharing_settings." + field + "." + i, "An id is required.");
            } else {
                ids.add(id.asText());
            }
        }
        return ids;
    }
}
