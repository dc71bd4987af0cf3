package io.leadline.platform.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FieldSelectionTest {

    @Test
    void keepsOnlyTheNamedFieldsAndCustomKeysOnRequest() throws Exception {
        ObjectNode lead = (ObjectNode) new ObjectMapper().readTree(
                "{\"id\": \"lead_1\", \"name\": \"Acme\", \"url\": null, \"custom.cf_a\": 1, \"custom.cf_b\": 2}");
        assertEquals(List.of("id", "name"), names(FieldSelection.parse("id,name").apply(lead)));
        assertEquals(List.of("id", "custom.cf_a", "custom.cf_b"), names(FieldSelection.parse("id,custom").apply(lead)));
        assertEquals(List.of("custom.cf_b"), names(FieldSelection.parse("custom.cf_b").apply(lead)));
        assertEquals(5, FieldSelection.parse(null).apply(lead).size());
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
