package io.leadline.core.integrationlink;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class IntegrationLinkResourceTest {

    static final String DATETIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";
    static final String ERP = """
            {"name": "ERP", "url": "https://erp.example/customers?q={{ lead.display_name }}", "type": "lead"}""";

    @Inject
    Database database;

    @Test
    void createsReadsUpdatesAndDeletesALink() {
        TestOrganizations org = TestOrganizations.provisioned();

        JsonPath created = org.request().body(ERP).post("/api/v1/integration_link/").then().statusCode(200)
                .body("$", aMapWithSize(9))
                .body("id", matchesPattern("intlink_[0-9A-Za-z]{43}"))
                .body("name", equalTo("ERP"))
                .body("url", equalTo("https://erp.example/customers?q={{ lead.display_name }}"))
                .body("type", equalTo("lead"))
                .body("organization_id", equalTo(org.organizationId()))
                .body("created_by", equalTo(org.userId()))
                .body("updated_by", equalTo(org.userId()))
                .body("date_created", matchesPattern(DATETIME))
                .body("date_updated", matchesPattern(DATETIME))
                .extract().jsonPath();
        String id = created.getString("id");

        org.request().get("/api/v1/integration_link/" + id + "/").then().statusCode(200)
                .body("name", equalTo("ERP")).body("type", equalTo("lead"));
        org.request().queryParam("_fields", "id,url").get("/api/v1/integration_link/" + id).then().statusCode(200)
                .body("$", aMapWithSize(2));

        String updatedAt = org.request().body("{\"name\": \"ERP (contacts)\", \"type\": \"contact\"}")
                .put("/api/v1/integration_link/" + id + "/").then().statusCode(200)
                .body("name", equalTo("ERP (contacts)"))
                .body("type", equalTo("contact"))
                .body("url", equalTo("https://erp.example/customers?q={{ lead.display_name }}"))
                .extract().path("date_updated");
        assertNotEquals(created.getString("date_updated"), updatedAt);

        org.request().delete("/api/v1/integration_link/" + id + "/").then().statusCode(200).body("$", aMapWithSize(0));
        org.request().get("/api/v1/integration_link/" + id + "/").then().statusCode(404);
        assertEquals(0, database.count("integration_link", org.organizationId()));
    }

    @Test
    void listsLinksOldestFirstWithPagingAndFields() {
        TestOrganizations org = TestOrganizations.provisioned();
        for (String name : new String[] {"One", "Two", "Three"}) {
            org.request().body("{\"name\": \"" + name + "\", \"url\": \"https://x.example\", \"type\": \"opportunity\"}")
                    .post("/api/v1/integration_link/").then().statusCode(200);
        }
        TestOrganizations.provisioned().request().body(ERP).post("/api/v1/integration_link/").then().statusCode(200);

        org.request().get("/api/v1/integration_link/").then().statusCode(200)
                .body("data.name", contains("One", "Two", "Three")).body("has_more", equalTo(false));
        org.request().queryParam("_limit", 2).queryParam("_fields", "name").get("/api/v1/integration_link/")
                .then().statusCode(200)
                .body("data.name", contains("One", "Two"))
                .body("data[0]", aMapWithSize(1))
                .body("has_more", equalTo(true));
        org.request().queryParam("_skip", 2).get("/api/v1/integration_link/").then()
                .body("data.name", contains("Three")).body("has_more", equalTo(false));
        org.request().queryParam("_limit", 101).get("/api/v1/integration_link/").then().statusCode(400);
    }

    @Test
    void refusesBadBodiesAndWritesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String id = org.request().body(ERP).post("/api/v1/integration_link/").then().statusCode(200)
                .extract().path("id");
        long outbox = database.count("outbox_event", org.organizationId());

        org.request().body("{}").post("/api/v1/integration_link/").then().statusCode(400)
                .body("'field-errors'", hasKey("name"))
                .body("'field-errors'", hasKey("url"))
                .body("'field-errors'", hasKey("type"));
        org.request().body("{\"name\": \"x\", \"url\": \"https://x\", \"type\": \"task\"}")
                .post("/api/v1/integration_link/").then().statusCode(400).body("'field-errors'", hasKey("type"));
        org.request().body("{\"name\": [1], \"url\": \" \", \"type\": \"lead\"}").post("/api/v1/integration_link/")
                .then().statusCode(400).body("'field-errors'", hasKey("name")).body("'field-errors'", hasKey("url"));
        org.request().body("{\"name\": \"Renamed\", \"type\": null}").put("/api/v1/integration_link/" + id + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("type"));
        org.request().body("{\"url\": 3}").put("/api/v1/integration_link/" + id + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("url"));

        assertEquals(1, database.count("integration_link", org.organizationId()));
        assertEquals(outbox, database.count("outbox_event", org.organizationId()));
        org.request().get("/api/v1/integration_link/" + id + "/").then().body("name", equalTo("ERP"));
    }

    @Test
    void anotherOrganizationsLinkIsNotFound() {
        TestOrganizations org = TestOrganizations.provisioned();
        String foreign = TestOrganizations.provisioned().request().body(ERP).post("/api/v1/integration_link/")
                .then().statusCode(200).extract().path("id");

        org.request().get("/api/v1/integration_link/" + foreign + "/").then().statusCode(404);
        org.request().body("{\"name\": \"Mine\"}").put("/api/v1/integration_link/" + foreign + "/").then().statusCode(404);
        org.request().delete("/api/v1/integration_link/" + foreign + "/").then().statusCode(404);
        org.request().get("/api/v1/integration_link/").then().body("data", empty());
    }

    @Test
    void onlyAdminsChangeLinks() {
        TestOrganizations admin = TestOrganizations.provisioned();
        String id = admin.request().body(ERP).post("/api/v1/integration_link/").then().statusCode(200)
                .extract().path("id");
        String userToken = InternalTokens.mint(admin.organizationId(), "user_member", null, "user");

        given().header("Authorization", "Bearer " + userToken).contentType(ContentType.JSON).body(ERP)
                .post("/api/v1/integration_link/").then().statusCode(403).body("error", matchesPattern(".*admin.*"));
        given().header("Authorization", "Bearer " + userToken).contentType(ContentType.JSON)
                .body("{\"name\": \"x\"}").put("/api/v1/integration_link/" + id + "/").then().statusCode(403);
        given().header("Authorization", "Bearer " + userToken).delete("/api/v1/integration_link/" + id + "/")
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + userToken).get("/api/v1/integration_link/" + id + "/")
                .then().statusCode(200).body("name", equalTo("ERP"));
        assertEquals(1, database.count("integration_link", admin.organizationId()));
    }
}
