package io.leadline.activities.sms;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class SmsResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @Inject
    Database database;

    @Test
    void smsFollowTheEmailStatusRulesAndWaitInTheOutbox() {
        TestOrganizations org = TestOrganizations.fresh();
        String[] lead = new CrmEvents(connector, pool, org).leadWithContact();
        String leadId = "\"lead_id\": \"" + lead[0] + "\"";

        String create = RelayedEvents.newRequestId();
        String inbox = org.request().header("X-Request-Id", create)
                .body("{" + leadId + ", \"status\": \"inbox\", \"text\": \"Call me\", \"remote_phone\": \"(415) 555-0123\","
                        + " \"local_phone\": \"+14155550100\"}")
                .post("/api/v1/activity/sms/").then().statusCode(200)
                .body("_type", equalTo("SMS"))
                .body("direction", equalTo("inbound"))
                .body("source", equalTo("External"))
                .body("remote_phone", equalTo("+14155550123"))
                .body("remote_phone_formatted", equalTo("+1 415-555-0123"))
                .body("remote_country_iso", equalTo("US"))
                .body("date_sent", nullValue())
                .extract().path("id");
        List<JsonNode> created = RelayedEvents.ofRequest(connector, create, 1);
        RelayedEvents.assertMatchesContract(created.get(0));

        String draft = org.request().body("{" + leadId + ", \"status\": \"draft\", \"text\": \"See you at 2\"}")
                .post("/api/v1/activity/sms/").then().statusCode(200).body("direction", equalTo("outbound"))
                .extract().path("id");
        long writes = database.writesOf(org.organizationId());
        org.request().body("{\"status\": \"outbox\"}").put("/api/v1/activity/sms/" + draft + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("remote_phone"));
        org.request().body("{\"status\": \"scheduled\", \"remote_phone\": \"+14155550123\"}")
                .put("/api/v1/activity/sms/" + draft + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("date_scheduled"));
        org.request().body("{\"status\": \"sent\"}").put("/api/v1/activity/sms/" + draft + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("status"));
        org.request().body("{\"text\": \"Edited\"}").put("/api/v1/activity/sms/" + inbox + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("status"));
        org.request().body("{" + leadId + ", \"status\": \"draft\", \"direction\": \"sideways\", \"remote_phone\": \"12\","
                        + " \"attachments\": [{\"url\": \"https://x.co/a.exe\", \"filename\": \"a.exe\","
                        + " \"content_type\": \"application/x-msdownload\"}]}")
                .post("/api/v1/activity/sms/").then().statusCode(400)
                .body("'field-errors'", hasKey("direction"))
                .body("'field-errors'", hasKey("remote_phone"))
                .body("'field-errors'", hasKey("attachments.0.content_type"));
        assertEquals(writes, database.writesOf(org.organizationId()));

        // no provider sends SMS: one put in the outbox waits there until moved back to draft
        String update = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", update)
                .body("{\"status\": \"outbox\", \"text\": \"See you at 3\", \"remote_phone\": \"+14155550123\"}")
                .put("/api/v1/activity/sms/" + draft + "/").then().statusCode(200).body("status", equalTo("outbox"));
        RelayedEvents.ofRequest(connector, update, 1).forEach(RelayedEvents::assertMatchesContract);
        org.request().body("{\"status\": \"draft\"}").put("/api/v1/activity/sms/" + draft + "/")
                .then().statusCode(200).body("status", equalTo("draft")).body("text", equalTo("See you at 3"));

        TestOrganizations other = TestOrganizations.fresh();
        other.request().get("/api/v1/activity/sms/" + draft + "/").then().statusCode(404);
        other.request().delete("/api/v1/activity/sms/" + draft + "/").then().statusCode(404);
        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/activity/sms/" + draft + "/").then().statusCode(200);
        RelayedEvents.ofRequest(connector, delete, 1).forEach(RelayedEvents::assertMatchesContract);
        org.request().get("/api/v1/activity/?lead_id=" + lead[0] + "&_type=SMS").then().statusCode(200)
                .body("data.id", contains(inbox));
    }
}
