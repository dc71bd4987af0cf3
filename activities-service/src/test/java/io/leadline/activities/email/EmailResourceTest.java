package io.leadline.activities.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.activities.CrmEvents;
import io.leadline.activities.Database;
import io.leadline.activities.RelayedEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.embedded.EmbeddedSmtpServer;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
@QuarkusTestResource(SmtpServerTestResource.class)
class EmailResourceTest {

    private static final Duration SENDING = Duration.ofSeconds(20);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @Inject
    Database database;

    @SmtpServerTestResource.Smtp
    EmbeddedSmtpServer smtp;

    @Test
    void aDraftPutInTheOutboxIsSentOverSmtpWithItsEvents() throws Exception {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();
        String subject = "Proposal " + RelayedEvents.newRequestId();

        String create = RelayedEvents.newRequestId();
        JsonPath draft = org.request().header("X-Request-Id", create)
                .body("{\"lead_id\": \"" + lead[0] + "\", \"contact_id\": \"" + lead[1] + "\", \"status\": \"draft\","
                        + " \"to\": [\"\\\"Bob Buyer\\\" <bob@example.com>\"], \"subject\": \"" + subject + "\","
                        + " \"body_html\": \"<p>Hi <b>Bob</b></p><script>alert(1)</script>\"}")
                .post("/api/v1/activity/email/").then().statusCode(200)
                .body("_type", equalTo("Email"))
                .body("status", equalTo("draft"))
                .body("direction", equalTo("outgoing"))
                .body("sender", nullValue())
                .body("to", contains("\"Bob Buyer\" <bob@example.com>"))
                .body("body_html", equalTo("<body><p>Hi <b>Bob</b></p></body>"))
                .body("body_text", equalTo("Hi Bob"))
                .body("thread_id", notNullValue())
                .extract().jsonPath();
        String id = draft.getString("id");

        // promoting a draft needs a sender
        long writes = database.writesOf(org.organizationId());
        org.request().body("{\"status\": \"outbox\"}").put("/api/v1/activity/email/" + id + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("sender"));
        assertEquals(writes, database.writesOf(org.organizationId()));

        String send = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", send)
                .body("{\"status\": \"outbox\", \"sender\": \"\\\"Ada Admin\\\" <ada@leadline.test>\"}")
                .put("/api/v1/activity/email/" + id + "/").then().statusCode(200)
                .body("status", equalTo("outbox"));

        JsonPath sent = await("sent").atMost(SENDING).until(
                () -> org.request().get("/api/v1/activity/email/" + id + "/").then().statusCode(200).extract().jsonPath(),
                email -> "sent".equals(email.getString("status")));
        assertTrue(sent.getString("date_sent") != null);
        assertEquals(sent.getString("date_sent"), sent.getString("activity_at"));
        assertEquals(1, sent.getList("message_ids").size());
        assertEquals(1, sent.getList("send_attempts").size());

        MimeMessage message = smtp.receivedMessages().stream().filter(m -> subjectOf(m).equals(subject))
                .findFirst().orElseThrow();
        assertEquals("bob@example.com", ((jakarta.mail.internet.InternetAddress) message.getRecipients(
                Message.RecipientType.TO)[0]).getAddress());
        assertEquals("ada@leadline.test", ((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getAddress());
        assertEquals(sent.getList("message_ids").get(0), message.getMessageID());

        List<JsonNode> created = RelayedEvents.ofRequest(connector, create, 2);
        assertEquals(List.of("activity.email/created", "activity.email_thread/created"),
                created.stream().map(e -> e.get("object_type").asText() + "/" + e.get("action").asText()).toList());
        created.forEach(RelayedEvents::assertMatchesContract);
        List<JsonNode> emailEvents = RelayedEvents.matching(connector,
                e -> id.equals(e.path("object_id").asText()), 4);
        assertEquals(List.of("created", "updated", "updated", "sent"),
                emailEvents.stream().map(e -> e.get("action").asText()).toList());
        emailEvents.forEach(RelayedEvents::assertMatchesContract);
        assertEquals("sent", emailEvents.get(3).at("/data/status").asText());

        org.request().get("/api/v1/activity/emailthread/?lead_id=" + lead[0]).then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].id", equalTo(draft.getString("thread_id")))
                .body("data[0].n_emails", equalTo(1))
                .body("data[0].latest_normalized_subject", equalTo(subject))
                .body("data[0].emails[0].status", equalTo("sent"));
    }

    @Test
    void closesStatusRulesAreFieldErrorsAndWriteNothing() {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();
        TestOrganizations other = TestOrganizations.fresh();
        String[] otherLead = new CrmEvents(connector, pool, other).leadWithContact();
        String leadId = "\"lead_id\": \"" + lead[0] + "\"";
        long writes = database.writesOf(org.organizationId());

        post(org, "{" + leadId + "}").body("'field-errors'", hasKey("status"));
        post(org, "{" + leadId + ", \"status\": \"queued\"}").body("'field-errors'", hasKey("status"));
        post(org, "{" + leadId + ", \"status\": \"inbox\"}").body("'field-errors'", hasKey("sender"));
        post(org, "{" + leadId + ", \"status\": \"scheduled\", \"sender\": \"a@b.co\", \"to\": [\"c@d.co\"]}")
                .body("'field-errors'", hasKey("date_scheduled"));
        post(org, "{" + leadId + ", \"status\": \"outbox\", \"sender\": \"a@b.co\"}").body("'field-errors'", hasKey("to"));
        post(org, "{" + leadId + ", \"status\": \"outbox\", \"sender\": \"a@b.co\", \"to\": [\"c@d.co\"], \"send_in\": 60}")
                .body("'field-errors'", hasKey("send_in"));
        post(org, "{" + leadId + ", \"status\": \"draft\", \"to\": [\"not an address\"], \"sender\": 5,"
                + " \"attachments\": [{\"url\": \"http://x.co/a\", \"filename\": \"a\"}]}")
                .body("'field-errors'", hasKey("to.0"))
                .body("'field-errors'", hasKey("sender"))
                .body("'field-errors'", hasKey("attachments.0.url"))
                .body("'field-errors'", hasKey("attachments.0.size"));
        post(org, "{\"lead_id\": \"" + otherLead[0] + "\", \"status\": \"draft\"}").body("'field-errors'", hasKey("lead_id"));
        post(org, "{" + leadId + ", \"status\": \"draft\", \"in_reply_to_id\": \"acti_nope\"}")
                .body("'field-errors'", hasKey("in_reply_to_id"));
        assertEquals(writes, database.writesOf(org.organizationId()));

        // only drafts change; a logged email is as it was received
        String inbox = org.request().body("{" + leadId + ", \"status\": \"inbox\", \"sender\": \"bob@example.com\","
                        + " \"to\": [\"ada@leadline.test\"], \"subject\": \"Hello\", \"body_text\": \"Hi\"}")
                .post("/api/v1/activity/email/").then().statusCode(200)
                .body("direction", equalTo("incoming")).extract().path("id");
        org.request().body("{\"subject\": \"Changed\"}").put("/api/v1/activity/email/" + inbox + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("status"));
        org.request().body("{\"status\": \"draft\"}").put("/api/v1/activity/email/" + inbox + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("status"));
        org.request().get("/api/v1/activity/email/" + inbox + "/").then().body("subject", equalTo("Hello"));

        // another organization's email is not there
        other.request().get("/api/v1/activity/email/" + inbox + "/").then().statusCode(404);
        other.request().body("{\"status\": \"draft\"}").put("/api/v1/activity/email/" + inbox + "/").then().statusCode(404);
        other.request().delete("/api/v1/activity/email/" + inbox + "/").then().statusCode(404);
        other.request().delete("/api/v1/activity/emailthread/" + inbox + "/").then().statusCode(404);
    }

    @Test
    void aWaitingEmailMovedBackToDraftIsNeverSent() {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();
        String subject = "Undo " + RelayedEvents.newRequestId();
        String later = Instant.now().plusSeconds(3600).toString();
        String scheduled = org.request().body("{\"lead_id\": \"" + lead[0] + "\", \"status\": \"scheduled\","
                        + " \"sender\": \"ada@leadline.test\", \"to\": [\"bob@example.com\"], \"subject\": \"" + subject + "\","
                        + " \"date_scheduled\": \"" + later + "\"}")
                .post("/api/v1/activity/email/").then().statusCode(200)
                .body("status", equalTo("scheduled")).body("date_scheduled", notNullValue()).extract().path("id");
        String undone = org.request().body("{\"lead_id\": \"" + lead[0] + "\", \"status\": \"outbox\", \"send_in\": 59,"
                        + " \"sender\": \"ada@leadline.test\", \"to\": [\"bob@example.com\"], \"subject\": \"" + subject + "\"}")
                .post("/api/v1/activity/email/").then().statusCode(200).extract().path("id");

        for (String id : List.of(scheduled, undone)) {
            org.request().body("{\"status\": \"draft\"}").put("/api/v1/activity/email/" + id + "/")
                    .then().statusCode(200).body("status", equalTo("draft"));
            // a draft is editable again
            org.request().body("{\"subject\": \"Edited\"}").put("/api/v1/activity/email/" + id + "/")
                    .then().statusCode(200).body("subject", equalTo("Edited"));
        }
        // sent now, an email that went out after them is received, theirs never
        String marker = "After " + RelayedEvents.newRequestId();
        String after = org.request().body("{\"lead_id\": \"" + lead[0] + "\", \"status\": \"outbox\","
                        + " \"sender\": \"ada@leadline.test\", \"to\": [\"bob@example.com\"], \"subject\": \"" + marker + "\"}")
                .post("/api/v1/activity/email/").then().statusCode(200).extract().path("id");
        await("sent").atMost(SENDING).until(() -> smtp.receivedMessages().stream().anyMatch(m -> subjectOf(m).equals(marker)));
        assertTrue(smtp.receivedMessages().stream().noneMatch(m -> subjectOf(m).equals(subject)));
        assertTrue(smtp.receivedMessages().stream().noneMatch(m -> subjectOf(m).equals("Edited")));
        // the sender records "sent" in the transaction that follows the SMTP server's acceptance
        await("recorded as sent").atMost(SENDING).until(() -> "sent".equals(
                org.request().get("/api/v1/activity/email/" + after + "/").then().statusCode(200).extract().path("status")));
    }

    @Test
    void repliesShareAThreadWhichTheUnionListShowsAsAskedAndWhoseDeletionTakesItsEmails() {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();
        String leadId = "\"lead_id\": \"" + lead[0] + "\"";
        JsonPath received = org.request().body("{" + leadId + ", \"status\": \"inbox\", \"sender\": \"bob@example.com\","
                        + " \"to\": [\"ada@leadline.test\"], \"subject\": \"Pricing\", \"body_text\": \"How much?\","
                        + " \"message_ids\": [\"<q1@example.com>\"]}")
                .post("/api/v1/activity/email/").then().statusCode(200).extract().jsonPath();
        String thread = received.getString("thread_id");
        String reply = org.request().body("{" + leadId + ", \"status\": \"sent\", \"sender\": \"ada@leadline.test\","
                        + " \"to\": [\"bob@example.com\"], \"subject\": \"Re: Pricing\", \"body_text\": \"Cheap.\","
                        + " \"in_reply_to_id\": \"" + received.getString("id") + "\"}")
                .post("/api/v1/activity/email/").then().statusCode(200)
                .body("thread_id", equalTo(thread)).body("date_sent", notNullValue()).extract().path("id");
        String followUp = org.request().body("{" + leadId + ", \"status\": \"inbox\", \"sender\": \"bob@example.com\","
                        + " \"to\": [\"ada@leadline.test\"], \"subject\": \"RE: Pricing\", \"body_text\": \"Deal.\","
                        + " \"references\": [\"<q1@example.com>\"]}")
                .post("/api/v1/activity/email/").then().statusCode(200)
                .body("thread_id", equalTo(thread)).extract().path("id");

        // Close's has_reply: the sent reply was answered by the follow-up; the incoming ones never have it
        org.request().get("/api/v1/activity/email/" + reply + "/").then().statusCode(200).body("has_reply", equalTo(true));
        org.request().get("/api/v1/activity/email/" + received.getString("id") + "/").then().statusCode(200)
                .body("has_reply", equalTo(false));
        JsonNode replied = RelayedEvents.matching(connector, e -> reply.equals(e.path("object_id").asText())
                && e.at("/data/has_reply").asBoolean(), 1).get(0);
        assertEquals("updated", replied.get("action").asText());
        RelayedEvents.assertMatchesContract(replied);

        String list = "/api/v1/activity/?lead_id=" + lead[0] + "&_type__in=Email,EmailThread";
        org.request().get("/api/v1/activity/?lead_id=" + lead[0]).then().statusCode(200)
                .body("data._type", not(hasItem("EmailThread")))
                .body("data.findAll { it._type == 'Email' }", hasSize(3));
        org.request().get("/api/v1/activity/?lead_id=" + lead[0] + "&thread_emails=true").then().statusCode(200)
                .body("data.findAll { it._type == 'EmailThread' }.id", contains(thread))
                .body("data.findAll { it._type == 'Email' }.id", containsInAnyOrder(received.getString("id"), reply, followUp))
                .body("data.findAll { it._type == 'Email' }[0]", not(hasKey("body_text")));
        org.request().get("/api/v1/activity/?lead_id=" + lead[0] + "&thread_emails=only").then().statusCode(200)
                .body("data.id", contains(thread))
                .body("data[0].n_emails", equalTo(3))
                .body("data[0].latest_normalized_subject", equalTo("Pricing"))
                .body("data[0].participants", containsInAnyOrder("bob@example.com", "ada@leadline.test"));
        org.request().get(list).then().statusCode(200).body("data", hasSize(4));
        org.request().get("/api/v1/activity/?thread_emails=sometimes").then().statusCode(400);

        // deleting one email keeps the thread with the others; deleting the thread takes them all
        org.request().delete("/api/v1/activity/email/" + followUp + "/").then().statusCode(200);
        org.request().get("/api/v1/activity/emailthread/" + thread + "/").then().statusCode(200).body("n_emails", equalTo(2));
        org.request().get("/api/v1/activity/email/" + reply + "/").then().statusCode(200).body("has_reply", equalTo(false));
        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/activity/emailthread/" + thread + "/")
                .then().statusCode(200);
        for (String id : List.of(received.getString("id"), reply)) {
            org.request().get("/api/v1/activity/email/" + id + "/").then().statusCode(404);
        }
        org.request().get("/api/v1/activity/emailthread/" + thread + "/").then().statusCode(404);
        List<JsonNode> events = RelayedEvents.ofRequest(connector, delete, 3);
        assertEquals(List.of("activity.email/deleted", "activity.email/deleted", "activity.email_thread/deleted"),
                events.stream().map(e -> e.get("object_type").asText() + "/" + e.get("action").asText()).toList());
        events.forEach(RelayedEvents::assertMatchesContract);
    }

    @Test
    void anEmailTheSmtpServerNeverTakesEndsInErrorAfterBoundedRetries() {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();
        smtp.stop();
        try {
            String id = org.request().body("{\"lead_id\": \"" + lead[0] + "\", \"status\": \"outbox\","
                            + " \"sender\": \"ada@leadline.test\", \"to\": [\"bob@example.com\"], \"subject\": \"Lost\"}")
                    .post("/api/v1/activity/email/").then().statusCode(200).extract().path("id");
            JsonPath failed = await("error").atMost(SENDING).until(
                    () -> org.request().get("/api/v1/activity/email/" + id + "/").then().extract().jsonPath(),
                    email -> "error".equals(email.getString("status")));
            assertEquals(3, failed.getList("send_attempts").size());
            assertTrue(failed.getString("send_attempts[0].error") != null);
            // a failed email may go back to draft, to be fixed and sent again
            org.request().body("{\"status\": \"draft\"}").put("/api/v1/activity/email/" + id + "/")
                    .then().statusCode(200).body("status", equalTo("draft"));
        } finally {
            smtp.restart();
        }
    }

    private static io.restassured.response.ValidatableResponse post(TestOrganizations org, String body) {
        return org.request().body(body).post("/api/v1/activity/email/").then().statusCode(400);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
