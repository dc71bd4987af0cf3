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
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomValuesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsTheCustomKeysOfABodyInOrderWithTheirOperations() throws Exception {
        RequestBody body = RequestBody.of(MAPPER.readTree("{\"name\": \"Acme\", \"custom.cf_size\": 12,"
                + " \"custom.cf_tags.add\": [\"a\", \"b\"], \"custom.cf_tags.remove\": \"c\", \"custom.cf_old\": null}"));
        List<CustomValues.Change> changes = CustomValues.read(body);
        assertEquals(List.of("custom.cf_size", "custom.cf_tags.add", "custom.cf_tags.remove", "custom.cf_old"),
                changes.stream().map(CustomValues.Change::key).toList());
        assertEquals(List.of("cf_size", "cf_tags", "cf_tags", "cf_old"),
                changes.stream().map(CustomValues.Change::fieldId).toList());
        assertEquals(List.of(CustomValues.Operation.SET, CustomValues.Operation.ADD, CustomValues.Operation.REMOVE,
                CustomValues.Operation.SET), changes.stream().map(CustomValues.Change::operation).toList());
        assertEquals(12, changes.get(0).value().asInt());
        assertTrue(changes.get(3).value().isNull());
    }

    @Test
    void anUnknownSuffixIsAFieldError() throws Exception {
        RequestBody body = RequestBody.of(MAPPER.readTree("{\"custom.cf_tags.append\": \"x\"}"));
        CustomValues.read(body);
        ValidationException e = assertThrows(ValidationException.class, body::throwIfInvalid);
        assertEquals(List.of("custom.cf_tags.append"), List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    void aKeyThatNamesNoFieldIdIsAFieldError() throws Exception {
        RequestBody body = RequestBody.of(MAPPER.readTree("{\"custom.Industry\": \"Anvils\"}"));
        CustomValues.read(body);
        ValidationException e = assertThrows(ValidationException.class, body::throwIfInvalid);
        assertEquals(List.of("custom.Industry"), List.copyOf(e.fieldErrors().keySet()));
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
