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
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

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

    @Test
    void subQueriesCountsAndLatestDatesFilterOnTheActivitysFields() {
        TestOrganizations org = TestOrganizations.provisioned();
        String outbound = lead(org, "Outbound");
        String inbound = lead(org, "Inbound");
        String quiet = lead(org, "Quiet");
        send(details(activity("activity.call.created", org, outbound, Ids.shortId("acti")),
                "outbound", 185, "completed", "2024-05-01T10:00:00+00:00"));
        send(details(activity("activity.call.created", org, inbound, Ids.shortId("acti")),
                "inbound", 20, "completed", "2024-06-10T10:00:00+00:00"));
        send(details(activity("activity.email.created", org, inbound, Ids.shortId("acti")),
                "incoming", null, "inbox", "2024-06-11T10:00:00+00:00"));
        String draftId = Ids.shortId("acti");
        send(details(activity("activity.email.created", org, quiet, draftId), "outgoing", null, "draft",
                "2024-06-12T10:00:00+00:00"));

        awaitNames(org, "email(status:draft)", "Quiet");
        assertNames(org, "call(direction:outgoing)", "Outbound");
        assertNames(org, "call(direction:incoming) OR email(direction:received) sort:name", "Inbound");
        assertNames(org, "call(duration > 1m)", "Outbound");
        assertNames(org, "call(duration <= 20)", "Inbound");
        assertNames(org, "call(date:2024-05-01)", "Outbound");
        assertNames(org, "call(date >= 2024-06-01 direction:inbound)", "Inbound");
        assertNames(org, "call(date >= 2024-06-01 direction:outbound)");
        assertNames(org, "call(user:\"ADA ADMIN\") sort:name", "Inbound", "Outbound");
        assertNames(org, "call(user:" + org.userId() + ") sort:name", "Inbound", "Outbound");
        assertNames(org, "-call() sort:name", "Quiet");
        assertNames(org, "call(-direction:inbound) sort:name", "Outbound");
        assertNames(org, "calls:1 sort:name", "Inbound", "Outbound");
        assertNames(org, "num_emails > 0 sort:name", "Inbound", "Quiet");
        // a draft is no communication yet
        assertNames(org, "last_emailed > 2024-01-01 sort:name", "Inbound");
        assertNames(org, "last_communication >= 2024-06-01", "Inbound");
        assertNames(org, "last_called < 2024-06-01", "Outbound");
        assertNames(org, "-last_called:2024-05-01 sort:name", "Inbound", "Quiet");
        org.request().queryParam("query", "call(direction:sideways)").get("/api/v1/lead/").then().statusCode(400)
                .body("field-errors.query", startsWith("direction: takes outgoing"));

        // sending the draft updates its row: it now counts as emailed
        send(details(activity("activity.email.sent", org, quiet, draftId), "outgoing", null, "sent",
                "2024-06-13T10:00:00+00:00"));
        awaitNames(org, "last_emailed > 2024-01-01 sort:name", "Inbound", "Quiet");
        assertNames(org, "last_communication:2024-06-13", "Quiet");
    }

    @Test
    void statusChangeFindsOpportunitiesByTheirMoves() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String lead = lead(org, "Pipeline");
        String won = opportunity(org, lead);
        String lost = opportunity(org, lead);
        opportunity(org, lead); // never moved
        send(statusChange(org, won, "Active", "active", "Won", "won", Instant.now().toString()));
        send(statusChange(org, lost, "Active", "active", "Lost", "lost", "2024-05-01T10:00:00+00:00"));
        // another organization's change naming my opportunity never counts for it
        send(statusChange(other, won, "Active", "active", "Lost", "lost", "2024-05-02T10:00:00+00:00"));

        await().atMost(APPLIED).until(() -> opportunities(org, "status_change(new_status:lost)").equals(List.of(lost)));
        org.request().header("X-TZ-Offset", "0")
                .queryParam("query", "status_change(old_status:active new_status:won date:today)")
                .get("/api/v1/opportunity/").then().statusCode(200).body("data.id", contains(won));
        assertOpportunities(org, "status_change(new_status:Won)", won);
        assertOpportunities(org, "status_change(date < 2024-06-01)", lost);
        assertOpportunities(org, "status_change(new_status:lost date:2024-05-02)");
        assertOpportunities(org, "status_change(old_status:won)");
        org.request().queryParam("query", "status_change(duration > 3)").get("/api/v1/opportunity/").then()
                .statusCode(400).body("field-errors.query", startsWith("Unknown field"));
        org.request().queryParam("query", "call()").get("/api/v1/opportunity/").then().statusCode(400);
    }

    /** Whatever the query says, another organization's leads never match, nor do its activities count for mine. */
    @Test
    void activityQueriesNeverReachAnotherOrganization() {
        TestOrganizations mine = TestOrganizations.provisioned();
        TestOrganizations theirs = TestOrganizations.provisioned();
        String silent = lead(mine, "Silent");
        String busy = lead(mine, "Busy");
        String secret = lead(theirs, "Secret");
        String today = Instant.now().toString();
        for (String type : List.of("activity.call.created", "activity.email.created", "activity.sms.created",
                "activity.note.created", "activity.meeting.created")) {
            // theirs: on their lead, and on my silent lead's id
            send(details(activity(type, theirs, secret, Ids.shortId("acti")), "outbound", 600, "sent", today));
            send(details(activity(type, theirs, silent, Ids.shortId("acti")), "outbound", 600, "sent", today));
            send(details(activity(type, mine, busy, Ids.shortId("acti")), "outbound", 600, "sent", today));
        }
        awaitNames(mine, "meeting()", "Busy");
        awaitNames(theirs, "meeting() sort:name", "Secret");

        List<String> positive = List.of("call()", "call(direction:outgoing)", "email(status:sent)", "sms()",
                "note(date:today)", "meeting(duration > 5m)", "calls > 0", "num_emails:1", "last_called:today",
                "last_communication >= 2000-01-01", "has:calls", "call(user:x OR date >= 2000-01-01)",
                "whatsapp_message()");
        List<String> joins = List.of(" ", " OR ", " AND ");
        qt().withExamples(120).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, positive.size() * joins.size() - 1)).ofSizeBetween(1, 4))
                .checkAssert(choices -> {
                    StringBuilder query = new StringBuilder();
                    for (int choice : choices) {
                        query.append(query.isEmpty() ? "" : joins.get(choice % joins.size()))
                                .append(positive.get(choice / joins.size()));
                    }
                    List<String> ids = mine.request().queryParam("query", query.toString()).get("/api/v1/lead/")
                            .then().statusCode(200).extract().jsonPath().getList("data.id");
                    assertTrue(!ids.contains(silent) && !ids.contains(secret), () -> query + " answered " + ids);
                });
        // negations reach every lead of mine, still none of theirs
        for (String query : List.of("-call()", "NOT calls > 0", "-last_called:today OR call()", "-(sms() OR email())")) {
            mine.request().queryParam("query", query).get("/api/v1/lead/").then().statusCode(200)
                    .body("data.id", not(hasItem(secret)));
        }
    }

    private static String opportunity(TestOrganizations org, String lead) {
        return org.request().body(Map.of("lead_id", lead)).post("/api/v1/opportunity/").then().statusCode(200)
                .extract().path("id");
    }

    private static List<String> opportunities(TestOrganizations org, String query) {
        return org.request().queryParam("query", query).get("/api/v1/opportunity/").then().statusCode(200)
                .extract().jsonPath().getList("data.id");
    }

    private static void assertOpportunities(TestOrganizations org, String query, String... ids) {
        org.request().queryParam("query", query).get("/api/v1/opportunity/").then().statusCode(200)
                .body("data.id", ids.length == 0 ? empty() : contains(ids));
    }

    /** The activity's fields the lead query's activity clauses read. */
    private static ObjectNode details(ObjectNode event, String direction, Integer duration, String status,
                                      String activityAt) {
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("direction", direction);
        if (duration == null) {
            data.putNull("duration");
        } else {
            data.put("duration", duration);
        }
        data.put("status", status);
        data.put("activity_at", activityAt);
        data.put("user_name", "Ada Admin");
        return event;
    }

    private static ObjectNode statusChange(TestOrganizations org, String opportunity, String oldLabel, String oldType,
                                           String newLabel, String newType, String at) {
        ObjectNode event = activity("activity.opportunity_status_change.created", org, "lead_x", Ids.shortId("acti"));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("opportunity_id", opportunity);
        data.put("old_status_label", oldLabel);
        data.put("old_status_type", oldType);
        data.put("new_status_label", newLabel);
        data.put("new_status_type", newType);
        data.put("activity_at", at);
        return event;
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
            activity.put("user_id", org.userId());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
