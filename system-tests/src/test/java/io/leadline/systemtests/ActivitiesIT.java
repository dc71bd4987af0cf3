package io.leadline.systemtests;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/**
 * Activities through the gateway on the real stack: notes and calls on a lead crm-core created a moment ago, the
 * activities crm-core's changes imply (over Kafka), the union list, and organizations kept apart.
 */
class ActivitiesIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Test
    void aLeadsLifeShowsInItsActivities() {
        Tenant tenant = Tenant.create("Activity Co");
        Map<String, Object> lead = tenant.api().body(Map.of("name", "Wayne", "contacts", List.of(Map.of("name", "Bruce"))))
                .post("/lead/").then().statusCode(200).extract().path("$");
        String leadId = (String) lead.get("id");
        String contactId = tenant.api().get("/lead/" + leadId + "/").then().extract().path("contacts[0].id");

        // right after crm-core answered: the reference is checked even before its event arrived
        String noteId = tenant.api().body(Map.of("lead_id", leadId, "contact_id", contactId, "note", "Met at the gala"))
                .post("/activity/note/").then().statusCode(200)
                .body("note_html", equalTo("<body>Met at the gala</body>")).extract().path("id");
        tenant.api().body(Map.of("lead_id", leadId, "direction", "outbound", "phone", "+14155550123", "duration", 90))
                .post("/activity/call/").then().statusCode(200).body("status", equalTo("completed"));
        tenant.api().body(Map.of("lead_id", "lead_" + "x".repeat(43), "note", "nowhere")).post("/activity/note/")
                .then().statusCode(400).body("'field-errors'", hasKey("lead_id"));

        List<String> types = Eventually.await(() -> typesOf(tenant, leadId), list -> list.contains("Created"), EVENTUALLY);
        assertThat(types).containsExactlyInAnyOrder("Created", "Note", "Call");

        // a status change and a completed task, in crm-core, become activities here
        String qualified = tenant.api().get("/status/lead/").then().extract().path("data.find { it.label == 'Qualified' }.id");
        tenant.api().body(Map.of("status_id", qualified)).put("/lead/" + leadId + "/").then().statusCode(200);
        String taskId = tenant.api().body(Map.of("lead_id", leadId, "text", "Send the contract")).post("/task/")
                .then().statusCode(200).extract().path("id");
        tenant.api().body(Map.of("is_complete", true)).put("/task/" + taskId + "/").then().statusCode(200);
        Eventually.await(() -> typesOf(tenant, leadId),
                list -> list.contains("LeadStatusChange") && list.contains("TaskCompleted"), EVENTUALLY);

        // merged into another lead: the activities move, and the merge is an activity of its own
        String destination = tenant.api().body(Map.of("name", "Wayne Enterprises")).post("/lead/").then().statusCode(200)
                .extract().path("id");
        tenant.api().body(Map.of("source", leadId, "destination", destination)).post("/lead/merge/").then().statusCode(200);
        List<String> merged = Eventually.await(() -> typesOf(tenant, destination), list -> list.contains("LeadMerge"),
                EVENTUALLY);
        assertThat(merged).contains("Note", "Call", "LeadStatusChange", "TaskCompleted", "LeadMerge");
        tenant.api().get("/activity/note/" + noteId + "/").then().statusCode(200).body("lead_id", equalTo(destination));

        // the activity events reach the event log, each under the lead it was about then
        Eventually.await(() -> noteEvents(tenant, leadId), actions -> actions.contains("created"), EVENTUALLY);
        Eventually.await(() -> noteEvents(tenant, destination), actions -> actions.contains("updated"), EVENTUALLY);

        // another organization sees none of it and can't write to the lead
        Tenant stranger = Tenant.create("Stranger Co");
        stranger.api().get("/activity/note/" + noteId + "/").then().statusCode(404);
        stranger.api().queryParam("lead_id", destination).get("/activity/").then().statusCode(200).body("data", empty());
        stranger.api().body(Map.of("lead_id", destination, "note", "mine")).post("/activity/note/").then()
                .statusCode(400).body("'field-errors'", hasKey("lead_id"));

        // deleting the lead takes its activities along
        tenant.api().delete("/lead/" + destination + "/").then().statusCode(200);
        Eventually.await(() -> typesOf(tenant, destination), List::isEmpty, EVENTUALLY);
        tenant.api().get("/activity/note/" + noteId + "/").then().statusCode(404);
    }

    @Test
    void anEmailPutInTheOutboxIsSentOverSmtp() throws Exception {
        Tenant tenant = Tenant.create("Mail Co");
        String leadId = tenant.api().body(Map.of("name", "Kent", "contacts", List.of(Map.of("name", "Clark"))))
                .post("/lead/").then().statusCode(200).extract().path("id");
        String subject = "Quote " + UUID.randomUUID();
        String draft = tenant.api().body(Map.of("lead_id", leadId, "status", "draft", "subject", subject,
                        "to", List.of("\"Clark Kent\" <clark@dailyplanet.test>"), "body_text", "Our offer"))
                .post("/activity/email/").then().statusCode(200).body("status", equalTo("draft")).extract().path("id");
        tenant.api().body(Map.of("status", "outbox", "sender", "sales@mailco.test"))
                .put("/activity/email/" + draft + "/").then().statusCode(200).body("status", equalTo("outbox"));

        Map<String, Object> sent = Eventually.await(() -> tenant.api().get("/activity/email/" + draft + "/").then()
                .statusCode(200).extract().<Map<String, Object>>path("$"), email -> "sent".equals(email.get("status")),
                EVENTUALLY);
        MimeMessage message = Eventually.await(() -> Stack.get().sentMail().stream()
                .filter(m -> subject.equals(subjectOf(m))).findFirst().orElse(null), m -> m != null, EVENTUALLY);
        assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                .isEqualTo("clark@dailyplanet.test");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("sales@mailco.test");
        assertThat(sent.get("message_ids")).isEqualTo(List.of(message.getMessageID()));

        // the union list shows the email, its thread on request, and the sent event reaches the event log
        assertThat(typesOf(tenant, leadId)).contains("Email").doesNotContain("EmailThread");
        tenant.api().queryParam("lead_id", leadId).queryParam("thread_emails", "only").get("/activity/").then()
                .statusCode(200).body("data[0]._type", equalTo("EmailThread")).body("data[0].n_emails", equalTo(1));
        Eventually.await(() -> tenant.api().queryParam("object_id", draft).queryParam("action", "sent").get("/event/")
                .then().statusCode(200).extract().jsonPath().<String>getList("data.object_type"),
                types -> types.equals(List.of("activity.email")), EVENTUALLY);
        Tenant.create("Other Mail Co").api().get("/activity/email/" + draft + "/").then().statusCode(404);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> noteEvents(Tenant tenant, String leadId) {
        return tenant.api().queryParam("lead_id", leadId).queryParam("object_type", "activity.note").get("/event/")
                .then().statusCode(200).extract().jsonPath().getList("data.action");
    }

    private static List<String> typesOf(Tenant tenant, String leadId) {
        return tenant.api().queryParam("lead_id", leadId).get("/activity/").then().statusCode(200)
                .extract().jsonPath().getList("data._type");
    }
}
