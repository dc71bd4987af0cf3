package io.leadline.core.commentsummary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

/**
 * An opportunity's {@code comment_summary} follows comments-service's events, as that service publishes them: its
 * contract fixtures, read from its module (a Maven test-jar can't serve them: comments-service's tests already
 * depend on crm-core's fixtures, and the reactor allows no cycle), re-homed to a real opportunity.
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CommentSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("..", "comments-service", "src", "test", "resources", "events");
    private static final Duration APPLIED = Duration.ofSeconds(60);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Database database;

    @Test
    void theSummaryCountsLiveCommentsAndGoesWithItsThread() {
        TestOrganizations org = TestOrganizations.provisioned();
        String opportunity = newOpportunity(org);
        String thread = Ids.shortId("cmth");
        summaryOf(org, opportunity).body("comment_summary.comment_count", equalTo(0))
                .body("comment_summary", hasKey("thread_id")).body("comment_summary.thread_id", nullValue());

        send(comment("comment.created", org, opportunity, thread));
        send(comment("comment.created", org, opportunity, thread));
        awaitCount(org, opportunity, 2);
        summaryOf(org, opportunity).body("comment_summary.thread_id", equalTo(thread));

        ObjectNode removed = comment("comment.deleted", org, opportunity, thread);
        send(removed);
        send(removed); // a redelivery changes nothing
        awaitCount(org, opportunity, 1);

        send(threadDeleted(org, thread));
        awaitCount(org, opportunity, 0);
        summaryOf(org, opportunity).body("comment_summary.thread_id", nullValue());
    }

    @Test
    void anotherOrganizationsEventsNeverTouchASummary() {
        TestOrganizations mine = TestOrganizations.provisioned();
        TestOrganizations theirs = TestOrganizations.provisioned();
        String opportunity = newOpportunity(mine);
        String thread = Ids.shortId("cmth");
        send(comment("comment.created", mine, opportunity, thread));
        awaitCount(mine, opportunity, 1);

        send(comment("comment.deleted", theirs, opportunity, thread));
        send(threadDeleted(theirs, thread));
        send(comment("comment.created", mine, opportunity, thread));
        awaitCount(mine, opportunity, 2);
        theirs.request().get("/api/v1/opportunity/" + opportunity + "/").then().statusCode(404);
    }

    @Test
    void aPollAppliesEachEventOnceWhenAnIdRepeatsInItOrThePollComesAgain() {
        TestOrganizations org = TestOrganizations.provisioned();
        String opportunity = newOpportunity(org);
        String thread = Ids.shortId("cmth");
        ObjectNode first = comment("comment.created", org, opportunity, thread);
        List<ObjectNode> poll = List.of(first, comment("comment.created", org, opportunity, thread), first.deepCopy(),
                comment("comment.created", org, opportunity, thread));

        sendPoll(poll);
        awaitCount(org, opportunity, 3);
        sendPoll(poll); // Kafka redelivers a poll whose acknowledgement was lost
        send(comment("comment.created", org, opportunity, thread)); // applied after the redelivered poll

        awaitCount(org, opportunity, 4);
        assertEquals(4, database.count("processed_event", org.organizationId()));
    }

    @Test
    void anEventThatCanNeverBeAppliedIsSetAsideAndTheRestOfItsPollAppliedOnce() {
        TestOrganizations org = TestOrganizations.provisioned();
        String opportunity = newOpportunity(org);
        String thread = Ids.shortId("cmth");
        // PostgreSQL's text refuses a NUL character: this event fails the same way however often it is tried
        ObjectNode poison = comment("comment.created", org, newOpportunity(org), "cmth_nul\u0000byte");

        sendPoll(List.of(comment("comment.created", org, opportunity, thread), poison,
                comment("comment.created", org, opportunity, thread), comment("comment.created", org, opportunity, thread)));
        send(comment("comment.created", org, opportunity, thread)); // the channel goes on after the poll

        awaitCount(org, opportunity, 4);
        assertEquals(4, database.count("processed_event", org.organizationId()));
        assertEquals(1, database.count("comment_summary", org.organizationId()), "the poisoned object has none");
    }

    private static String newOpportunity(TestOrganizations org) {
        String lead = org.request().body(Map.of("name", "Commented")).post("/api/v1/lead/")
                .then().statusCode(200).extract().path("id");
        return org.request().body(Map.of("lead_id", lead, "value", 100)).post("/api/v1/opportunity/")
                .then().statusCode(200).extract().path("id");
    }

    private static ValidatableResponse summaryOf(TestOrganizations org, String opportunity) {
        return org.request().get("/api/v1/opportunity/" + opportunity + "/").then().statusCode(200);
    }

    private static void awaitCount(TestOrganizations org, String opportunity, int count) {
        await().atMost(APPLIED).until(() -> org.request().get("/api/v1/opportunity/" + opportunity + "/")
                .then().statusCode(200).extract().<Integer>path("comment_summary.comment_count") == count);
        org.request().queryParam("id", opportunity).get("/api/v1/opportunity/").then().statusCode(200)
                .body("data[0].comment_summary.comment_count", equalTo(count));
    }

    private void send(JsonNode event) {
        sendPoll(List.of(event));
    }

    /** The events as one Kafka poll: the consumer applies them in one transaction. */
    private void sendPoll(List<? extends JsonNode> events) {
        InMemorySource<List<String>> source = connector.<List<String>>source(CommentEventsConsumer.CHANNEL)
                .runOnVertxContext(true);
        source.send(events.stream().map(JsonNode::toString).toList());
    }

    /** comments-service's fixture of a comment event, about a comment on this opportunity's thread. */
    private static ObjectNode comment(String type, TestOrganizations org, String opportunity, String thread) {
        ObjectNode event = fixture(type, org);
        ObjectNode comment = (ObjectNode) (event.path("data").isObject() ? event.get("data") : event.get("previous_data"));
        String id = Ids.shortId("comm");
        event.put("object_id", id);
        comment.put("id", id);
        comment.put("organization_id", org.organizationId());
        comment.put("object_id", opportunity);
        comment.put("thread_id", thread);
        return event;
    }

    private static ObjectNode threadDeleted(TestOrganizations org, String thread) {
        ObjectNode event = fixture("comment_thread.deleted", org);
        event.put("object_id", thread);
        return event;
    }

    private static ObjectNode fixture(String type, TestOrganizations org) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(FIXTURES.resolve(type + ".json")));
            event.put("id", Ids.shortId("ev"));
            event.put("organization_id", org.organizationId());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
