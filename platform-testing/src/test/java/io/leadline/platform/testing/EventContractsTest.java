package io.leadline.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shape check itself must catch what a consumer would trip over. */
class EventContractsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aNullWhereTheFixtureHasAValueIsADifferenceUnlessTheFixtureListsItAsNullable() throws Exception {
        JsonNode event = json("{\"url\": null, \"title\": null}");
        assertEquals(List.of("$.url: expected STRING but was NULL (list the key in $nullable if it may be either)"),
                EventContracts.differences(json("{\"url\": \"https://acme.com\", \"title\": null}"), event));
        assertEquals(List.of(), EventContracts.differences(
                json("{\"url\": \"https://acme.com\", \"title\": null, \"$nullable\": [\"url\"]}"), event));
    }

    @Test
    void aValueWhereTheFixtureHasNullIsADifference() throws Exception {
        assertEquals(List.of("$.title: expected null but was STRING (list the key in $nullable if it may be either)"),
                EventContracts.differences(json("{\"title\": null}"), json("{\"title\": \"CEO\"}")));
    }

    @Test
    void everyArrayElementIsCompared() throws Exception {
        JsonNode fixture = json("{\"contacts\": [{\"id\": \"cont_1\", \"name\": \"Wile\"}]}");
        JsonNode event = json("{\"contacts\": [{\"id\": \"cont_1\", \"name\": \"Wile\"}, {\"id\": 2, \"name\": \"Road\"}]}");
        assertEquals(List.of("$.contacts[1].id: expected STRING but was NUMBER"), EventContracts.differences(fixture, event));
    }

    @Test
    void anEmptyFixtureListCannotVouchForElements() throws Exception {
        assertEquals(1, EventContracts.differences(json("{\"tasks\": []}"), json("{\"tasks\": [{\"id\": \"task_1\"}]}"))
                .size());
        assertEquals(List.of(), EventContracts.differences(json("{\"tasks\": [{\"id\": \"task_1\"}]}"), json("{\"tasks\": []}")));
    }

    @Test
    void aNullableKeyTheFixtureLacksIsReported() throws Exception {
        assertEquals(List.of("$.$nullable: names urll, which the fixture lacks"),
                EventContracts.differences(json("{\"url\": \"x\", \"$nullable\": [\"urll\"]}"), json("{\"url\": \"y\"}")));
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }
}
