package io.leadline.core.custom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.RequestBody;
import io.leadline.platform.wire.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CustomValuesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsTheCustomKeysOfABodyWithNullMeaningClear() throws Exception {
        RequestBody body = RequestBody.of(MAPPER.readTree(
                "{\"name\": \"Acme\", \"custom.cf_size\": 12, \"custom.cf_tags\": [\"a\", \"b\"], \"custom.cf_old\": null}"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("cf_size", 12);
        expected.put("cf_tags", List.of("a", "b"));
        expected.put("cf_old", null);
        assertEquals(expected, CustomValues.read(body));
    }

    @Test
    void aKeyThatNamesNoFieldIdIsAFieldError() throws Exception {
        RequestBody body = RequestBody.of(MAPPER.readTree("{\"custom.Industry\": \"Anvils\"}"));
        CustomValues.read(body);
        ValidationException e = assertThrows(ValidationException.class, body::throwIfInvalid);
        assertEquals(List.of("custom.Industry"), List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    void mergingSetsNewValuesAndRemovesClearedOnes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("cf_size", 20);
        changes.put("cf_old", null);
        changes.put("cf_new", "x");
        Map<String, Object> merged = CustomValues.merge(Map.of("cf_size", 12, "cf_old", "gone", "cf_kept", true), changes);
        assertEquals(Map.of("cf_size", 20, "cf_kept", true, "cf_new", "x"), merged);
    }

    @Test
    void theWireFormListsValuesSortedByFieldId() throws Exception {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("cf_zeta", 1);
        stored.put("cf_alpha", Map.of("nested", "yes"));
        ObjectNode json = MAPPER.createObjectNode().put("id", "lead_1");
        CustomValues.write(stored, json);
        assertEquals("{\"id\":\"lead_1\",\"custom.cf_alpha\":{\"nested\":\"yes\"},\"custom.cf_zeta\":1}", json.toString());
    }
}
