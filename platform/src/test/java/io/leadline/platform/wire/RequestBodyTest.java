package io.leadline.platform.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestBodyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void tellsAbsentFromNullForPartialUpdates() throws Exception {
        RequestBody body = RequestBody.of(json("{\"description\": null}"));
        assertTrue(body.has("description"));
        assertTrue(body.isNull("description"));
        assertFalse(body.has("name"));
        assertNull(body.string("description"));
    }

    @Test
    void collectsEveryTypeErrorIntoOne400() throws Exception {
        RequestBody body = RequestBody.of(json("{\"name\": 5, \"value\": \"lots\", \"won\": \"yes\", \"period\": \"weekly\"}"));
        body.string("name");
        body.integer("value");
        body.bool("won");
        body.choice("period", List.of("one_time", "monthly", "annual"));
        body.requiredString("status_id");
        ValidationException e = assertThrows(ValidationException.class, body::throwIfInvalid);
        assertEquals(List.of("name", "value", "won", "period", "status_id"), List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    void nestedErrorsNameTheirPosition() throws Exception {
        RequestBody body = RequestBody.of(json("{\"contacts\": [{\"name\": \"ok\"}, {\"name\": []}]}"));
        var contacts = body.array("contacts");
        for (int i = 0; i < contacts.size(); i++) {
            body.nested("contacts", i, contacts.get(i)).string("name");
        }
        ValidationException e = assertThrows(ValidationException.class, body::throwIfInvalid);
        assertTrue(e.fieldErrors().containsKey("contacts.1.name"), e.fieldErrors().toString());
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() throws Exception {
        assertThrows(ValidationException.class, () -> RequestBody.of(json("[1, 2]")));
        assertThrows(ValidationException.class, () -> RequestBody.of(null));
    }

    @Test
    void datesAndDatetimesAreValidated() throws Exception {
        RequestBody body = RequestBody.of(json("{\"date_won\": \"2024-02-30\", \"at\": \"2024-05-01T10:00:00+02:00\"}"));
        assertNull(body.date("date_won"));
        assertEquals("2024-05-01T08:00:00Z", body.datetime("at").toString());
        assertThrows(ValidationException.class, body::throwIfInvalid);
    }

    @Test
    void aRequiredNameIsTrimmedAndMayNotBeBlank() throws Exception {
        RequestBody body = RequestBody.of(json("{\"name\": \"  Sales \", \"label\": \"   \", \"title\": 5}"));
        assertEquals("Sales", body.requiredNonBlank("name"));
        assertNull(body.requiredNonBlank("label"));
        assertNull(body.requiredNonBlank("title"));
        assertNull(body.requiredNonBlank("missing"));
        ValidationException e = assertThrows(ValidationException.class, body::throwIfInvalid);
        assertEquals(List.of("label", "title", "missing"), List.copyOf(e.fieldErrors().keySet()));
        assertEquals("This field may not be blank.", e.fieldErrors().get("label"));
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }
}
