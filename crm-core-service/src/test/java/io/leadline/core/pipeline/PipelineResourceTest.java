package io.leadline.core.pipeline;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
public class PipelineResourceTest {

    @Inject
    Database database;

    @Test
    void createsListsAndRenamesPipelines() {
        TestOrganizations org = TestOrganizations.provisioned();

        String id = org.request().body("{\"name\": \"Renewals\"}").post("/api/v1/pipeline/").then().statusCode(201)
                .body("id", matchesPattern("pipe_[0-9A-Za-z]{43}"))
                .body("name", equalTo("Renewals"))
                .body("organization_id", equalTo(org.organizationId()))
                .body("statuses", empty())
                .extract().path("id");

        org.request().get("/api/v1/pipeline/").then().statusCode(200)
                .body("data.name", contains("Sales", "Renewals"))
                .body("data[0].statuses.label", contains("Active", "Won", "Lost"))
                .body("data[0].statuses.type", contains("active", "won", "lost"))
                .body("has_more", equalTo(false));
        org.request().queryParam("_fields", "id,name").get("/api/v1/pipeline").then().statusCode(200)
                .body("data[1]", aMapWithSize(2));

        org.request().body("{\"name\": \"Upsell\"}").put("/api/v1/pipeline/" + id + "/").then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("Upsell")).body("statuses", empty());
    }

    @Test
    void reordersItsStatusesAndPullsInStatusesOfAnotherPipeline() {
        TestOrganizations org = TestOrganizations.provisioned();
        JsonPath sales = sales(org);
        String active = sales.getString("statuses[0].id");
        String won = sales.getString("statuses[1].id");
        String lost = sales.getString("statuses[2].id");
        String salesId = sales.getString("id");

        org.request().body("{\"statuses\": [{\"id\": \"" + lost + "\"}, {\"id\": \"" + active + "\"}]}")
                .put("/api/v1/pipeline/" + salesId + "/").then().statusCode(200)
                .body("statuses.id", contains(lost, active, won));

        String renewals = org.request().body("{\"name\": \"Renewals\"}").post("/api/v1/pipeline/")
                .then().statusCode(201).extract().path("id");
        org.request().body("{\"statuses\": [{\"id\": \"" + won + "\"}]}")
                .put("/api/v1/pipeline/" + renewals + "/").then().statusCode(200)
                .body("statuses.id", contains(won))
                .body("statuses[0].pipeline_id", equalTo(renewals));

        org.request().get("/api/v1/pipeline/").then().statusCode(200)
                .body("data[0].statuses.id", contains(lost, active))
                .body("data[1].statuses.id", contains(won));
        org.request().get("/api/v1/status/opportunity/").then().statusCode(200)
                .body("data.id", contains(lost, active, won))
                .body("data[2].pipeline_id", equalTo(renewals));
    }

    @Test
    void refusesUnknownOrForeignStatusesAndChangesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String salesId = sales(org).getString("id");
        String foreign = sales(TestOrganizations.provisioned()).getString("statuses[0].id");

        org.request().body("{\"name\": \"Stolen\", \"statuses\": [{\"id\": \"" + foreign + "\"}]}")
                .put("/api/v1/pipeline/" + salesId + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("statuses"));
        org.request().body("{\"statuses\": [{\"id\": 7}, \"x\"]}").put("/api/v1/pipeline/" + salesId + "/")
                .then().statusCode(400)
                .body("'field-errors'", hasKey("statuses.0.id"))
                .body("'field-errors'", hasKey("statuses.1"));
        org.request().body("{\"statuses\": {\"id\": \"x\"}}").put("/api/v1/pipeline/" + salesId + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("statuses"));
        org.request().body("{\"name\": \"\"}").put("/api/v1/pipeline/" + salesId + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("name"));
        org.request().body("{\"name\": 5}").post("/api/v1/pipeline/").then().statusCode(400)
                .body("'field-errors'", hasKey("name"));
        org.request().body("{}").post("/api/v1/pipeline/").then().statusCode(400)
                .body("'field-errors'", hasKey("name"));

        assertEquals(0, database.count("outbox_event", org.organizationId()));
        assertEquals(1, database.count("pipeline", org.organizationId()));
        org.request().get("/api/v1/pipeline/").then()
                .body("data[0].name", equalTo("Sales"))
                .body("data[0].statuses.label", contains("Active", "Won", "Lost"));
    }

    @Test
    void deletesOnlyAnEmptyPipeline() {
        TestOrganizations org = TestOrganizations.provisioned();
        JsonPath sales = sales(org);
        String salesId = sales.getString("id");

        org.request().delete("/api/v1/pipeline/" + salesId + "/").then().statusCode(400)
                .body("errors[0]", matchesPattern(".*still has statuses.*"));
        assertEquals(1, database.count("pipeline", org.organizationId()));

        String emptied = org.request().body("{\"name\": \"Temp\"}").post("/api/v1/pipeline/").then().statusCode(201)
                .extract().path("id");
        List<String> ids = sales.getList("statuses.id");
        String body = "{\"statuses\": [" + String.join(", ", ids.stream().map(s -> "{\"id\": \"" + s + "\"}").toList()) + "]}";
        org.request().body(body).put("/api/v1/pipeline/" + emptied + "/").then().statusCode(200);

        org.request().delete("/api/v1/pipeline/" + salesId + "/").then().statusCode(204);
        org.request().get("/api/v1/pipeline/").then().body("data.name", contains("Temp"))
                .body("data[0].statuses.label", contains("Active", "Won", "Lost"));
    }

    @Test
    void anotherOrganizationsPipelineIsNotFound() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String foreign = sales(other).getString("id");

        org.request().body("{\"name\": \"Mine\"}").put("/api/v1/pipeline/" + foreign + "/").then().statusCode(404);
        org.request().delete("/api/v1/pipeline/" + foreign + "/").then().statusCode(404);
        org.request().delete("/api/v1/pipeline/pipe_nope/").then().statusCode(404);
        other.request().get("/api/v1/pipeline/").then().body("data[0].name", equalTo("Sales"));
    }

    public static JsonPath sales(TestOrganizations org) {
        return new JsonPath(org.request().get("/api/v1/pipeline/").then().statusCode(200).extract().asString())
                .setRootPath("data[0]");
    }
}
