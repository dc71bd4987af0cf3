package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.CrmEvents;
import io.leadline.activities.RelayedEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.ServiceTestProfile;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class CustomActivityTypeTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @Test
    void adminsCreateUpdateAndDeleteTypesWithTheirEvents() {
        TestOrganizations org = TestOrganizations.fresh();
        String create = RelayedEvents.newRequestId();
        String id = org.request().header("X-Request-Id", create)
                .body("{\"name\": \" Demo call \", \"description\": \"A product demo\", \"editable_with_roles\": [\"role_admin\"]}")
                .post("/api/v1/custom_activity/").then().statusCode(201)
                .body("id", matchesPattern("actitype_[0-9A-Za-z]{22}"))
                .body("organization_id", equalTo(org.organizationId()))
                .body("name", equalTo("Demo call"))
                .body("description", equalTo("A product demo"))
                .body("api_create_only", equalTo(false))
                .body("is_archived", equalTo(false))
                .body("editable_with_roles", contains("role_admin"))
                .body("fields", empty())
                .body("created_by", equalTo(org.userId()))
                .extract().path("id");
        JsonNode created = RelayedEvents.ofRequest(connector, create, 1).get(0);
        assertEquals("custom_activity_type", created.get("object_type").asText());
        assertEquals(id, created.get("object_id").asText());
        RelayedEvents.assertMatchesContract(created);

        String update = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", update)
                .body("{\"name\": \"Demo\", \"api_create_only\": true, \"is_archived\": true, \"fields\": [\"ignored\"]}")
                .put("/api/v1/custom_activity/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Demo"))
                .body("description", equalTo("A product demo"))
                .body("api_create_only", equalTo(true))
                .body("is_archived", equalTo(true))
                .body("fields", empty());
        JsonNode updated = RelayedEvents.ofRequest(connector, update, 1).get(0);
        RelayedEvents.assertMatchesContract(updated);
        assertEquals("Demo call", updated.get("previous_data").get("name").asText());

        org.request().get("/api/v1/custom_activity/").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].id", equalTo(id)).body("has_more", equalTo(false));

        String delete = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", delete).delete("/api/v1/custom_activity/" + id + "/")
                .then().statusCode(204);
        RelayedEvents.assertMatchesContract(RelayedEvents.ofRequest(connector, delete, 1).get(0));
        org.request().get("/api/v1/custom_activity/" + id + "/").then().statusCode(404);
    }

    @Test
    void showsTheFieldsCrmCoreDefinesForTheType() {
        TestOrganizations org = TestOrganizations.fresh();
        String id = newType(org, "Demo");
        String other = newType(org, "Visit");
        CrmEvents crm = new CrmEvents(connector, pool, org);
        String size = Ids.longId("cf");
        crm.send(field(crm, "created", size, id, "Size"));
        String notes = Ids.longId("cf");
        crm.send(field(crm, "created", notes, id, "Notes"));
        crm.send(field(crm, "created", Ids.longId("cf"), other, "Place"));

        org.request().get("/api/v1/custom_activity/" + id + "/").then().log().ifValidationFails().statusCode(200)
                .body("fields.id", contains(size, notes))
                .body("fields[0].type", equalTo("choices"))
                .body("fields[0].choices", contains("Small", "Large"))
                .body("fields[0].custom_activity_type_id", equalTo(id));

        ObjectNode renamed = field(crm, "updated", size, id, "Company size");
        crm.send(renamed);
        crm.send(renamed); // redelivered: handled once
        crm.send(field(crm, "deleted", notes, id, "Notes"));
        crm.send(field(crm, "updated", notes, id, "Notes")); // late: a deleted field stays deleted
        org.request().get("/api/v1/custom_activity/" + id + "/?_fields=id,fields").then().statusCode(200)
                .body("fields.name", contains("Company size"))
                .body("$", hasKey("fields"));
        org.request().get("/api/v1/custom_activity/").then().statusCode(200)
                .body("data.find { it.id == '" + other + "' }.fields.name", contains("Place"));
    }

    @Test
    void aCustomRoleWithManageOrganizationWritesTypesOneWithoutMayNot() {
        TestOrganizations org = TestOrganizations.fresh();
        var manager = given().contentType(ContentType.JSON).header("Authorization", "Bearer "
                + InternalTokens.mintWithPermissions(org.organizationId(), "user_" + Ids.randomBase62(20),
                "role_managers", List.of("manage_organization")));
        manager.body("{\"name\": \"Managed\"}").post("/api/v1/custom_activity/").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer "
                        + InternalTokens.mintWithPermissions(org.organizationId(), "user_" + Ids.randomBase62(20),
                        "role_exporters", List.of("export", "bulk_edit", "view_all_leads")))
                .body("{\"name\": \"Exported\"}").post("/api/v1/custom_activity/").then().statusCode(403)
                .body("error", containsString("admin"));
        org.request().get("/api/v1/custom_activity/").then().statusCode(200)
                .body("data.name", contains("Managed"));
    }

    @Test
    void onlyAdminsWriteAndOtherOrganizationsSeeNothing() {
        TestOrganizations org = TestOrganizations.fresh();
        String id = newType(org, "Demo");
        var user = given().contentType(ContentType.JSON).header("Authorization", "Bearer "
                + InternalTokens.mint(org.organizationId(), "user_" + Ids.randomBase62(20), null, "user"));
        user.body("{\"name\": \"Mine\"}").post("/api/v1/custom_activity/").then().statusCode(403)
                .body("error", containsString("admin"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer "
                        + InternalTokens.mint(org.organizationId(), "user_" + Ids.randomBase62(20), null, "user"))
                .body("{\"name\": \"Mine\"}").put("/api/v1/custom_activity/" + id + "/").then().statusCode(403);
        given().header("Authorization", "Bearer "
                        + InternalTokens.mint(org.organizationId(), "user_" + Ids.randomBase62(20), null, "user"))
                .get("/api/v1/custom_activity/" + id + "/").then().statusCode(200).body("name", equalTo("Demo"));

        TestOrganizations stranger = TestOrganizations.fresh();
        stranger.request().get("/api/v1/custom_activity/" + id + "/").then().statusCode(404);
        stranger.request().body("{\"name\": \"Theirs\"}").put("/api/v1/custom_activity/" + id + "/").then().statusCode(404);
        stranger.request().delete("/api/v1/custom_activity/" + id + "/").then().statusCode(404);
        stranger.request().get("/api/v1/custom_activity/").then().statusCode(200).body("data", empty());
        org.request().get("/api/v1/custom_activity/" + id + "/").then().statusCode(200).body("name", equalTo("Demo"));
    }

    @Test
    void rejectsBadBodiesWithFieldErrors() {
        TestOrganizations org = TestOrganizations.fresh();
        for (String body : List.of("{}", "{\"name\": \"  \"}", "{\"name\": 3}", "{\"name\": \"x\", \"is_archived\": \"yes\"}",
                "{\"name\": \"x\", \"api_create_only\": 1}", "{\"name\": \"x\", \"editable_with_roles\": [1]}",
                "{\"name\": \"x\", \"editable_with_roles\": \"role_admin\"}", "{\"name\": \"x\", \"description\": []}")) {
            org.request().body(body).post("/api/v1/custom_activity/").then().statusCode(400)
                    .body("$", hasKey("field-errors"));
        }
        String id = newType(org, "Demo");
        org.request().body("{\"name\": null}").put("/api/v1/custom_activity/" + id + "/").then().statusCode(400)
                .body("field-errors", hasKey("name"));
        org.request().body("{\"description\": null}").put("/api/v1/custom_activity/" + id + "/").then().statusCode(200)
                .body("description", nullValue()).body("name", equalTo("Demo"));
        org.request().get("/api/v1/custom_activity/").then().statusCode(200).body("data", hasSize(1));
    }

    static String newType(TestOrganizations org, String name) {
        return org.request().body("{\"name\": \"" + name + "\"}").post("/api/v1/custom_activity/")
                .then().statusCode(201).extract().path("id");
    }

    /** crm-core's fixture for an activity custom field of {@code typeId}. */
    static ObjectNode field(CrmEvents crm, String action, String fieldId, String typeId, String name) {
        ObjectNode event = crm.event("custom_fields.activity." + action, fieldId, null);
        JsonNode data = event.get("data");
        ObjectNode body = data instanceof ObjectNode object ? object : (ObjectNode) event.get("previous_data");
        body.put("custom_activity_type_id", typeId);
        body.put("name", name);
        if (!body.has("type")) {
            body.put("type", "text");
        }
        body.put("date_created", CloseDateTimes.format(CloseDateTimes.now())); // the fields' order
        return event;
    }
}
