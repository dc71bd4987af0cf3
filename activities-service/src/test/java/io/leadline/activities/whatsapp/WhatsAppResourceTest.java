package io.leadline.activities.whatsapp;

import io.leadline.activities.CrmEvents;
import io.leadline.activities.Database;
import io.leadline.activities.RelayedEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class WhatsAppResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @Inject
    Database database;

    @Test
    void anIntegrationLogsMessagesWhoseMarkdownBecomesSafeHtml() {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();
        String required = "\"lead_id\": \"" + lead[0] + "\", \"contact_id\": \"" + lead[1] + "\", \"direction\": \"incoming\","
                + " \"local_phone\": \"+14155550100\", \"remote_phone\": \"+14155550123\","
                + " \"activity_at\": \"2026-11-30T10:00:00+00:00\"";
        String create = RelayedEvents.newRequestId();
        String first = org.request().header("X-Request-Id", create)
                .body("{" + required + ", \"external_whatsapp_message_id\": \"wamid.1\","
                        + " \"message_markdown\": \"*Hi* <script>alert(1)</script> [site](javascript:alert(2))\"}")
                .post("/api/v1/activity/whatsapp_message/").then().statusCode(200)
                .body("_type", equalTo("WhatsAppMessage"))
                .body("message_html", equalTo("<body><p><em>Hi</em> &lt;script&gt;alert(1)&lt;/script&gt; <a>site</a></p></body>"))
                .body("remote_phone_formatted", equalTo("+1 415-555-0123"))
                .extract().path("id");
        RelayedEvents.ofRequest(connector, create, 1).forEach(RelayedEvents::assertMatchesContract);
        String reply = org.request().body("{" + required.replace("incoming", "outgoing")
                        + ", \"external_whatsapp_message_id\": \"wamid.2\", \"message_markdown\": \"Sure\","
                        + " \"response_to_id\": \"" + first + "\"}")
                .post("/api/v1/activity/whatsapp_message/").then().statusCode(200).extract().path("id");

        org.request().get("/api/v1/activity/whatsapp_message/?external_whatsapp_message_id=wamid.2").then()
                .statusCode(200).body("data.id", contains(reply));

        long writes = database.writesOf(org.organizationId());
        org.request().body("{\"lead_id\": \"" + lead[0] + "\"}").post("/api/v1/activity/whatsapp_message/")
                .then().statusCode(400)
                .body("'field-errors'", hasKey("contact_id"))
                .body("'field-errors'", hasKey("direction"))
                .body("'field-errors'", hasKey("external_whatsapp_message_id"))
                .body("'field-errors'", hasKey("local_phone"))
                .body("'field-errors'", hasKey("remote_phone"))
                .body("'field-errors'", hasKey("message_markdown"))
                .body("'field-errors'", hasKey("activity_at"));
        org.request().body("{" + required + ", \"external_whatsapp_message_id\": \"wamid.3\", \"message_markdown\": \"x\","
                        + " \"response_to_id\": \"acti_nope\", \"integration_link\": \"http://x.co\"}")
                .post("/api/v1/activity/whatsapp_message/").then().statusCode(400)
                .body("'field-errors'", hasKey("response_to_id"))
                .body("'field-errors'", hasKey("integration_link"));
        org.request().body("{\"message_markdown\": null}").put("/api/v1/activity/whatsapp_message/" + first + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("message_markdown"));
        assertEquals(writes, database.writesOf(org.organizationId()));

        String update = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", update).body("{\"message_markdown\": \"**Hello**\"}")
                .put("/api/v1/activity/whatsapp_message/" + first + "/").then().statusCode(200)
                .body("message_html", equalTo("<body><p><strong>Hello</strong></p></body>"));
        RelayedEvents.ofRequest(connector, update, 1).forEach(RelayedEvents::assertMatchesContract);

        TestOrganizations other = TestOrganizations.fresh();
        other.request().get("/api/v1/activity/whatsapp_message/" + first + "/").then().statusCode(404);
        other.request().body("{\"message_markdown\": \"mine\"}").put("/api/v1/activity/whatsapp_message/" + first + "/")
                .then().statusCode(404);
        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/activity/whatsapp_message/" + reply + "/")
                .then().statusCode(200);
        RelayedEvents.ofRequest(connector, delete, 1).forEach(RelayedEvents::assertMatchesContract);
    }
}
