package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.CrmEvents;
import io.leadline.activities.RelayedEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CustomActivityTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    /** An organization with a lead and a type whose fields are a required choice "Size" and a number "Seats". */
    record Setup(TestOrganizations org, String lead, String type, String size, String seats) {
    }

    Setup setup() {
        TestOrganizations org = TestOrganizations.fresh();
        CrmEvents crm = new CrmEvents(connector, pool, org);
        String lead = crm.leadWithContact()[0];
        String type = CustomActivityTypeTest.newType(org, "Demo");
        String size = Ids.longId("cf");
        ObjectNode sizeEvent = CustomActivityTypeTest.field(crm, "created", size, type, "Size");
        ((ObjectNode) sizeEvent.get("data")).put("required", true);
        crm.send(sizeEvent);
        String seats = Ids.longId("cf");
        ObjectNode seatsEvent = CustomActivityTypeTest.field(crm, "created", seats, type, "Seats");
        ((ObjectNode) seatsEvent.get("data")).put("type", "number");
        crm.send(seatsEvent);
        return new Setup(org, lead, type, size, seats);
    }

    @Test
    void draftsSkipRequiredFieldsAndPublishingChecksThem() {
        Setup s = setup();
        String create = RelayedEvents.newRequestId();
        String id = s.org().request().header("X-Request-Id", create)
                .body("{\"lead_id\": \"" + s.lead() + "\", \"custom_activity_type_id\": \"" + s.type()
                        + "\", \"status\": \"draft\", \"custom." + s.seats() + "\": 12}")
                .post("/api/v1/activity/custom/").then().statusCode(200)
                .body("id", matchesPattern("acti_[0-9A-Za-z]{43}"))
                .body("_type", equalTo("CustomActivity"))
                .body("status", equalTo("draft"))
                .body("custom_activity_type_id", equalTo(s.type()))
                .body("'custom." + s.seats() + "'", equalTo(12))
                .extract().path("id");
        RelayedEvents.assertMatchesContract(RelayedEvents.ofRequest(connector, create, 1).get(0));

        s.org().request().body("{\"status\": \"published\"}").put("/api/v1/activity/custom/" + id + "/")
                .then().statusCode(400).body("field-errors", hasKey("custom." + s.size()));
        String publish = RelayedEvents.newRequestId();
        s.org().request().header("X-Request-Id", publish)
                .body("{\"status\": \"published\", \"custom." + s.size() + "\": \"Small\"}")
                .put("/api/v1/activity/custom/" + id + "/").then().statusCode(200)
                .body("status", equalTo("published"))
                .body("'custom." + s.size() + "'", equalTo("Small"))
                .body("'custom." + s.seats() + "'", equalTo(12));
        JsonNode published = RelayedEvents.ofRequest(connector, publish, 1).get(0);
        RelayedEvents.assertMatchesContract(published);
        assertEquals("draft", published.get("previous_data").get("status").asText());
        s.org().request().body("{\"custom." + s.size() + "\": null}").put("/api/v1/activity/custom/" + id + "/")
                .then().statusCode(400).body("field-errors", hasKey("custom." + s.size()));

        s.org().request().get("/api/v1/activity/?lead_id=" + s.lead()).then().statusCode(200)
                .body("data.find { it.id == '" + id + "' }._type", equalTo("CustomActivity"));
        s.org().request().get("/api/v1/activity/custom/" + id + "/").then().statusCode(200)
                .body("status", equalTo("published"));
        TestOrganizations.fresh().request().get("/api/v1/activity/custom/" + id + "/").then().statusCode(404);

        String delete = RelayedEvents.newRequestId();
        s.org().request().header("X-Request-Id", delete).delete("/api/v1/activity/custom/" + id + "/")
                .then().statusCode(200);
        RelayedEvents.assertMatchesContract(RelayedEvents.ofRequest(connector, delete, 1).get(0));
        s.org().request().get("/api/v1/activity/custom/" + id + "/").then().statusCode(404);
    }

    @Test
    void refusesValuesTheTypeDoesNotAllowAndWritesNothing() {
        Setup s = setup();
        String base = "\"lead_id\": \"" + s.lead() + "\", \"custom_activity_type_id\": \"" + s.type() + "\"";
        String draft = base + ", \"status\": \"draft\"";
        s.org().request().body("{" + draft + ", \"custom.cf_nope\": \"x\"}").post("/api/v1/activity/custom/")
                .then().statusCode(400).body("field-errors", hasKey("custom.cf_nope"));
        s.org().request().body("{" + draft + ", \"custom." + s.size() + "\": \"Huge\"}").post("/api/v1/activity/custom/")
                .then().statusCode(400).body("'field-errors'.'custom." + s.size() + "'", containsString("Huge"));
        s.org().request().body("{" + draft + ", \"custom." + s.seats() + "\": \"many\"}").post("/api/v1/activity/custom/")
                .then().statusCode(400).body("field-errors", hasKey("custom." + s.seats()));
        s.org().request().body("{" + draft + ", \"custom." + s.size() + "\": [\"Small\"]}").post("/api/v1/activity/custom/")
                .then().statusCode(400).body("field-errors", hasKey("custom." + s.size()));
        s.org().request().body("{" + base + ", \"status\": \"published\"}").post("/api/v1/activity/custom/")
                .then().statusCode(400).body("field-errors", hasKey("custom." + s.size()));
        // no status is published (NOTES §6), so the required field is checked
        s.org().request().body("{" + base + "}").post("/api/v1/activity/custom/")
                .then().statusCode(400).body("field-errors", hasKey("custom." + s.size()));
        s.org().request().body("{" + base + ", \"status\": \"done\"}").post("/api/v1/activity/custom/")
                .then().statusCode(400).body("field-errors", hasKey("status"));
        s.org().request().body("{\"lead_id\": \"" + s.lead() + "\"}").post("/api/v1/activity/custom/")
                .then().statusCode(400).body("field-errors", hasKey("custom_activity_type_id"));
        s.org().request().body("{\"lead_id\": \"" + s.lead() + "\", \"custom_activity_type_id\": \"actitype_nope\"}")
                .post("/api/v1/activity/custom/").then().statusCode(400).body("field-errors", hasKey("custom_activity_type_id"));

        TestOrganizations stranger = TestOrganizations.fresh();
        String theirLead = new CrmEvents(connector, pool, stranger).leadWithContact()[0];
        s.org().request().body("{\"custom_activity_type_id\": \"" + s.type() + "\", \"lead_id\": \"" + theirLead + "\"}")
                .post("/api/v1/activity/custom/").then().statusCode(400).body("field-errors", hasKey("lead_id"));
        stranger.request().body("{\"lead_id\": \"" + theirLead + "\", \"custom_activity_type_id\": \"" + s.type() + "\"}")
                .post("/api/v1/activity/custom/").then().statusCode(400).body("field-errors", hasKey("custom_activity_type_id"));

        s.org().request().body("{\"is_archived\": true}").put("/api/v1/custom_activity/" + s.type() + "/").then().statusCode(200);
        s.org().request().body("{" + base + "}").post("/api/v1/activity/custom/")
                .then().statusCode(400).body("'field-errors'.custom_activity_type_id", containsString("archived"));

        s.org().request().get("/api/v1/activity/custom/?lead_id=" + s.lead()).then().statusCode(200).body("data", empty());
        s.org().request().get("/api/v1/activity/?lead_id=" + s.lead()).then().statusCode(200)
                .body("data._type", not(contains("CustomActivity")));
    }

    @Test
    void listsFilterByCustomActivityTypeWithinOneLead() {
        Setup s = setup();
        String other = CustomActivityTypeTest.newType(s.org(), "Onboarding");
        String demo = postDraft(s, s.type());
        String onboarding = postDraft(s, other);
        String note = s.org().request().body("{\"lead_id\": \"" + s.lead() + "\", \"note\": \"n\"}")
                .post("/api/v1/activity/note/").then().statusCode(200).extract().path("id");
        var union = "/api/v1/activity/?_fields=id&lead_id=" + s.lead();
        s.org().request().get(union + "&_type=" + s.type()).then().statusCode(200).body("data.id", contains(demo));
        s.org().request().get(union + "&_type__in=Custom").then().statusCode(200)
                .body("data.id", contains(onboarding, demo));
        s.org().request().get(union + "&_type__in=Note," + other).then().statusCode(200)
                .body("data.id", contains(note, onboarding));
        var custom = "/api/v1/activity/custom/?_fields=id&lead_id=" + s.lead();
        s.org().request().get(custom + "&custom_activity_type_id=" + other).then().statusCode(200)
                .body("data.id", contains(onboarding));
        s.org().request().get(custom + "&custom_activity_type_id__in=" + s.type() + "," + other).then().statusCode(200)
                .body("data.id", contains(onboarding, demo));

        // another organization's type finds nothing, even for the organization's own activities of that type
        TestOrganizations stranger = TestOrganizations.fresh();
        String theirType = CustomActivityTypeTest.newType(stranger, "Demo");
        s.org().request().get(union + "&_type=" + theirType).then().statusCode(200).body("data", empty());
        stranger.request().get("/api/v1/activity/?lead_id=" + s.lead() + "&_type=" + s.type()).then().statusCode(200)
                .body("data", empty());
        stranger.request().get("/api/v1/activity/custom/?lead_id=" + s.lead() + "&custom_activity_type_id=" + s.type())
                .then().statusCode(200).body("data", empty());

        // Close: filtering by type needs a single lead
        s.org().request().get("/api/v1/activity/custom/?custom_activity_type_id=" + s.type()).then().statusCode(400)
                .body("'field-errors'.custom_activity_type_id", containsString("single lead"));
        s.org().request().get("/api/v1/activity/?_type=" + s.type()).then().statusCode(400)
                .body("'field-errors'._type", containsString("single lead"));
        s.org().request().get("/api/v1/activity/note/?lead_id=" + s.lead() + "&custom_activity_type_id=" + s.type())
                .then().statusCode(400).body("field-errors", hasKey("custom_activity_type_id"));
    }

    private String postDraft(Setup s, String type) {
        return s.org().request().body("{\"lead_id\": \"" + s.lead() + "\", \"custom_activity_type_id\": \"" + type
                        + "\", \"status\": \"draft\"}")
                .post("/api/v1/activity/custom/").then().statusCode(200).extract().path("id");
    }

    @Test
    void onlyTheTypesEditableRolesAndAdminsWriteItsActivities() {
        Setup s = setup();
        String type = CustomActivityTypeTest.newType(s.org(), "Contract review");
        s.org().request().body("{\"editable_with_roles\": [\"superuser\"]}").put("/api/v1/custom_activity/" + type + "/")
                .then().statusCode(200);
        var user = roleRequest(s, "user");
        var superuser = roleRequest(s, "superuser");
        String body = "{\"lead_id\": \"" + s.lead() + "\", \"custom_activity_type_id\": \"" + type
                + "\", \"status\": \"draft\"}";
        user.body(body).post("/api/v1/activity/custom/").then().statusCode(403)
                .body("error", containsString("editable_with_roles"));
        s.org().request().get("/api/v1/activity/custom/?lead_id=" + s.lead()).then().statusCode(200).body("data", empty());

        String id = superuser.body(body).post("/api/v1/activity/custom/").then().statusCode(200).extract().path("id");
        roleRequest(s, "user").body("{\"status\": \"published\"}").put("/api/v1/activity/custom/" + id + "/")
                .then().statusCode(403);
        roleRequest(s, "user").delete("/api/v1/activity/custom/" + id + "/").then().statusCode(403);
        roleRequest(s, "user").get("/api/v1/activity/custom/" + id + "/").then().statusCode(200)
                .body("status", equalTo("draft"));
        roleRequest(s, "superuser").body("{\"status\": \"published\"}").put("/api/v1/activity/custom/" + id + "/")
                .then().statusCode(200).body("status", equalTo("published"));
        s.org().request().delete("/api/v1/activity/custom/" + id + "/").then().statusCode(200); // an admin

        // a type without roles is open to every member
        roleRequest(s, "user").body("{\"lead_id\": \"" + s.lead() + "\", \"custom_activity_type_id\": \""
                + s.type() + "\", \"status\": \"draft\"}").post("/api/v1/activity/custom/").then().statusCode(200);
    }

    private static RequestSpecification roleRequest(Setup s, String role) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + InternalTokens.mint(
                        s.org().organizationId(), "user_" + Ids.randomBase62(20), null, role));
    }
}
