package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.platform.wire.RequestBody;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each node type of Close's webhook filters against an event. */
class ExtraFilterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT = """
            {"object_type": "lead", "action": "updated", "changed_fields": ["name", "custom.cf_tier"],
             "previous_data": null, "data": {"name": "Acme Inc", "custom.cf_tier": "gold", "score": 3,
             "addresses": [{"city": "Oslo"}, {"city": "Lima"}], "nested": {"deep": {"value": 1}}}}""";

    @Test
    void everyNodeType() throws Exception {
        assertTrue(matches("{\"type\": \"field_accessor\", \"field\": \"changed_fields\","
                + " \"filter\": {\"type\": \"contains\", \"value\": \"name\"}}"));
        assertFalse(matches("{\"type\": \"field_accessor\", \"field\": \"changed_fields\","
                + " \"filter\": {\"type\": \"contains\", \"value\": \"status\"}}"));
        // a dotted key is one key of the object
        assertTrue(matches(data("{\"type\": \"field_accessor\", \"field\": \"custom.cf_tier\","
                + " \"filter\": {\"type\": \"equals\", \"value\": \"gold\"}}")));
        // without such a key, a dotted name walks the path
        assertTrue(matches(data("{\"type\": \"field_accessor\", \"field\": \"nested.deep.value\","
                + " \"filter\": {\"type\": \"equals\", \"value\": 1.0}}")));
        assertTrue(matches(data("{\"type\": \"field_accessor\", \"field\": \"name\","
                + " \"filter\": {\"type\": \"contains\", \"value\": \"Acme\"}}")));
        assertTrue(matches(data("{\"type\": \"field_accessor\", \"field\": \"score\","
                + " \"filter\": {\"type\": \"not_equals\", \"value\": 4}}")));
        assertTrue(matches("{\"type\": \"field_accessor\", \"field\": \"previous_data\", \"filter\": {\"type\": \"is_null\"}}"));
        assertTrue(matches("{\"type\": \"field_accessor\", \"field\": \"missing\", \"filter\": {\"type\": \"is_null\"}}"));
        assertFalse(matches("{\"type\": \"field_accessor\", \"field\": \"data\", \"filter\": {\"type\": \"is_null\"}}"));
        assertTrue(matches("{\"type\": \"field_accessor\", \"field\": \"data\", \"filter\": {\"type\": \"non_null\"}}"));
        assertTrue(matches(data("{\"type\": \"field_accessor\", \"field\": \"addresses\", \"filter\":"
                + " {\"type\": \"any_array_value\", \"filter\": {\"type\": \"field_accessor\", \"field\": \"city\","
                + " \"filter\": {\"type\": \"equals\", \"value\": \"Lima\"}}}}")));
        assertFalse(matches(data("{\"type\": \"field_accessor\", \"field\": \"addresses\", \"filter\":"
                + " {\"type\": \"any_array_value\", \"filter\": {\"type\": \"field_accessor\", \"field\": \"city\","
                + " \"filter\": {\"type\": \"equals\", \"value\": \"Rome\"}}}}")));
        String isLead = "{\"type\": \"field_accessor\", \"field\": \"object_type\", \"filter\": {\"type\": \"equals\", \"value\": \"lead\"}}";
        String isCreated = "{\"type\": \"field_accessor\", \"field\": \"action\", \"filter\": {\"type\": \"equals\", \"value\": \"created\"}}";
        assertFalse(matches("{\"type\": \"and\", \"filters\": [" + isLead + ", " + isCreated + "]}"));
        assertTrue(matches("{\"type\": \"or\", \"filters\": [" + isLead + ", " + isCreated + "]}"));
        assertTrue(matches("{\"type\": \"not\", \"filter\": " + isCreated + "}"));
    }

    @Test
    void aBadTreeIsReportedAtEachBadNodesPath() throws Exception {
        RequestBody body = RequestBody.of(MAPPER.createObjectNode());
        assertNull(ExtraFilter.read(MAPPER.readTree("{\"type\": \"or\", \"filters\": [{\"type\": \"equals\"}, 3]}"),
                "extra_filter", body));
        assertTrue(body.errors().has("extra_filter.filters.0.value"));
        assertTrue(body.errors().has("extra_filter.filters.1"));
        RequestBody deep = RequestBody.of(MAPPER.createObjectNode());
        String tooMany = "{\"type\": \"not\", \"filter\": ".repeat(101) + "{\"type\": \"is_null\"}" + "}".repeat(101);
        assertNull(ExtraFilter.read(MAPPER.readTree(tooMany), "f", deep));
        assertFalse(deep.errors().isEmpty());
        assertNotNull(ExtraFilter.read(MAPPER.readTree("{\"type\": \"is_null\"}"), "f",
                RequestBody.of(MAPPER.createObjectNode())));
    }

    private static String data(String inner) {
        return "{\"type\": \"field_accessor\", \"field\": \"data\", \"filter\": " + inner + "}";
    }

    private static boolean matches(String filter) throws Exception {
        RequestBody body = RequestBody.of(MAPPER.createObjectNode());
        ExtraFilter parsed = ExtraFilter.read(MAPPER.readTree(filter), "extra_filter", body);
        assertNotNull(parsed, filter);
        JsonNode event = MAPPER.readTree(EVENT);
        return parsed.test(event);
    }
}
