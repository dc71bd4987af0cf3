package io.leadline.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Caller CALLER = new Caller("orga_1", "user_1", "Ann Smith", "api_1", "admin", "req_1",
            "PUT", "/api/v1/lead/lead_1/", 0);

    @Test
    void anUpdateNamesWhatChangedAndKeepsThePreviousValues() throws Exception {
        ObjectNode before = object("{\"id\": \"lead_1\", \"name\": \"Acme\", \"url\": null, \"date_updated\": \"a\"}");
        ObjectNode after = object("{\"id\": \"lead_1\", \"name\": \"Acme Inc\", \"url\": null, \"date_updated\": \"b\"}");
        DomainEvent event = DomainEvent.updated(CALLER, "lead", "lead_1", "lead_1", before, after).orElseThrow();
        assertEquals(List.of("date_updated", "name"), event.changedFields());
        assertEquals("Acme", event.previousData().get("name").asText());
        ObjectNode json = event.toJson();
        assertEquals("lead.updated", event.type());
        assertEquals("req_1", json.get("request_id").asText());
        assertEquals("api_1", json.get("api_key_id").asText());
        assertEquals("PUT", json.get("meta").get("request_method").asText());
        assertEquals("Acme Inc", json.get("data").get("name").asText());
        assertTrue(json.get("id").asText().startsWith("ev_"));
    }

    @Test
    void anUpdateThatOnlyTouchedBookkeepingIsNoEvent() throws Exception {
        ObjectNode before = object("{\"name\": \"Acme\", \"date_updated\": \"a\", \"updated_by\": \"user_1\"}");
        ObjectNode after = object("{\"name\": \"Acme\", \"date_updated\": \"b\", \"updated_by\": \"user_2\"}");
        assertTrue(DomainEvent.updated(CALLER, "lead", "lead_1", "lead_1", before, after).isEmpty());
    }

    @Test
    void aDeletionCarriesTheLastStateAndTheLeadIsTheRecordKey() throws Exception {
        DomainEvent event = DomainEvent.deleted(CALLER, "contact", "cont_1", "lead_1", object("{\"name\": \"Bob\"}"));
        assertEquals("Bob", event.toJson().get("previous_data").get("name").asText());
        assertTrue(event.toJson().get("data").isNull());
        assertEquals("lead_1", event.recordKey());
        assertEquals("lead_1", event.withMeta("merge_source_lead_id", "lead_2").toJson().get("lead_id").asText());
    }

    private static ObjectNode object(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }
}
