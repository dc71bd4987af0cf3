package io.leadline.core.leadactivity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

/**
 * {@code has:calls} and the other activity kinds of the lead query follow activities-service's events, as that service
 * publishes them (its contract fixtures, read from its module as CommentSummaryTest does), re-homed to real leads.
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadActivitySearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("..", "activities-service", "src", "test", "resources", "events");
    private static final Duration APPLIED = Duration.ofSeconds(60);

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void hasFindsLeadsWithAnActivityOfTheKindUntilItIsDeletedOrMoved() {
        TestOrganizations org = TestOrganizations.provisioned();
        String called = lead(org, "Called");
        String noted = lead(org, "Noted");
        ObjectNode call = activity("activity.call.created", org, called, Ids.shortId("acti"));
        send(call);
        send(call); // a redelivery changes nothing
        send(activity("activity.note.created", org, noted, Ids.shortId("acti")));

        awaitNames(org, "has:calls", "Called");
        awaitNames(org, "has:notes", "Noted");
        assertNames(org, "has:calls OR has:notes sort:name", "Called", "Noted");
        assertNames(org, "-has:calls sort:name", "Noted");
        assertNames(org, "has:sms");

        // an update that moves the call (a merge) moves the match; its deletion ends it
        String callId = call.get("object_id").asText();
        send(activity("activity.call.updated", org, noted, callId));
        awaitNames(org, "has:calls", "Noted");
        send(activity("activity.call.deleted", org, noted, callId));
        awaitNames(org, "has:calls");
    }

    @Test
    void anotherOrganizationsActivitiesNeverMatch() {
        TestOrganizations mine = TestOrganizations.provisioned();
        TestOrganizations theirs = TestOrganizations.provisioned();
        String lead = lead(mine, "Mine");
        // an event of another organization naming my lead's id
        send(activity("activity.call.created", theirs, lead, Ids.shortId("acti")));
        send(activity("activity.sms.created", mine, lead, Ids.shortId("acti")));
        awaitNames(mine, "has:sms", "Mine");
        assertNames(mine, "has:calls");
        assertNames(theirs, "has:calls");
    }

    private static String lead(TestOrganizations org, String name) {
        return org.request().body(Map.of("name", name)).post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");
    }

    private static void awaitNames(TestOrganizations org, String query, String... names) {
        await().atMost(APPLIED).until(() -> List.of(names).equals(org.request().queryParam("query", query)
                .get("/api/v1/lead/").then().statusCode(200).extract().jsonPath().getList("data.name")));
    }

    private static void assertNames(TestOrganizations org, String query, String... names) {
        org.request().queryParam("query", query).get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", names.length == 0 ? empty() : contains(names));
    }

    private void send(ObjectNode event) {
        // One event as one poll: the consumer takes whole polls (platform EventConsumers).
        connector.<List<String>>source(ActivityEventsConsumer.CHANNEL).runOnVertxContext(true)
                .send(List.of(event.toString()));
    }

    /** activities-service's fixture of this event type, about activity {@code id} on {@code lead}. */
    private static ObjectNode activity(String type, TestOrganizations org, String lead, String id) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(FIXTURES.resolve(type + ".json")));
            event.put("id", Ids.shortId("ev"));
            event.put("organization_id", org.organizationId());
            event.put("object_id", id);
            event.put("lead_id", lead);
            ObjectNode activity = (ObjectNode) (event.path("data").isObject() ? event.get("data")
                    : event.get("previous_data"));
            activity.put("id", id);
            activity.put("organization_id", org.organizationId());
            activity.put("lead_id", lead);
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
