package io.leadline.core.opportunitystatus;

import io.leadline.core.pipeline.PipelineResourceTest;
import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class OpportunityStatusResourceTest {

    @Inject
    Database database;

    @Inject
    Pool pool;

    @Test
    void createsAStatusLastInTheFirstPipelineOrInTheOneNamed() {
        TestOrganizations org = TestOrganizations.provisioned();
        String salesId = PipelineResourceTest.sales(org).getString("id");

        org.request().body("{\"label\": \"Negotiation\", \"type\": \"active\"}").post("/api/v1/status/opportunity/")
                .then().statusCode(200)
                .body("$", aMapWithSize(4))
                .body("id", matchesPattern("stat_[0-9A-Za-z]{43}"))
                .body("label", equalTo("Negotiation"))
                .body("type", equalTo("active"))
                .body("pipeline_id", equalTo(salesId));

        String renewals = org.request().body("{\"name\": \"Renewals\"}").post("/api/v1/pipeline/").then()
                .statusCode(201).extract().path("id");
        org.request().body("{\"label\": \"Renewed\", \"type\": \"won\", \"pipeline_id\": \"" + renewals + "\"}")
                .post("/api/v1/status/opportunity").then().statusCode(200).body("pipeline_id", equalTo(renewals));

        org.request().get("/api/v1/status/opportunity/").then().statusCode(200)
                .body("data.label", contains("Active", "Won", "Lost", "Negotiation", "Renewed"))
                .body("has_more", equalTo(false));
        org.request().get("/api/v1/pipeline/").then()
                .body("data[0].statuses.label", contains("Active", "Won", "Lost", "Negotiation"))
                .body("data[1].statuses.label", contains("Renewed"));
    }

    @Test
    void aStatusWithOnlyALabelIsActiveAndReadsOneByOne() {
        TestOrganizations org = TestOrganizations.provisioned();
        String id = org.request().body("{\"label\": \"Demo\"}").post("/api/v1/status/opportunity/")
                .then().statusCode(200).body("type", equalTo("active")).extract().path("id");

        org.request().get("/api/v1/status/opportunity/" + id + "/").then().statusCode(200)
                .body("id", equalTo(id))
                .body("label", equalTo("Demo"))
                .body("type", equalTo("active"))
                .body("pipeline_id", equalTo(PipelineResourceTest.sales(org).getString("id")));
        org.request().queryParam("_fields", "label").get("/api/v1/status/opportunity/" + id + "/").then()
                .statusCode(200).body("$", aMapWithSize(1));
        TestOrganizations.provisioned().request().get("/api/v1/status/opportunity/" + id + "/").then().statusCode(404);
    }

    @Test
    void refusesBadBodiesAndForeignPipelinesAndWritesNothing() {
        TestOrganizations org = TestOrganizations.provisioned();
        String foreignPipeline = PipelineResourceTest.sales(TestOrganizations.provisioned()).getString("id");

        org.request().body("{\"label\": \"x\", \"type\": \"active\", \"pipeline_id\": \"" + foreignPipeline + "\"}")
                .post("/api/v1/status/opportunity/").then().statusCode(400)
                .body("'field-errors'", hasKey("pipeline_id"));
        org.request().body("{\"label\": \"x\", \"type\": \"maybe\"}").post("/api/v1/status/opportunity/")
                .then().statusCode(400).body("'field-errors'", hasKey("type"));
        org.request().body("{\"pipeline_id\": 3, \"type\": null}").post("/api/v1/status/opportunity/").then()
                .statusCode(400)
                .body("'field-errors'", hasKey("label"))
                .body("'field-errors'", hasKey("type"))
                .body("'field-errors'", hasKey("pipeline_id"));

        String active = PipelineResourceTest.sales(org).getString("statuses[0].id");
        org.request().body("{\"type\": \"won\"}").put("/api/v1/status/opportunity/" + active + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("type"));
        org.request().body("{\"label\": null}").put("/api/v1/status/opportunity/" + active + "/")
                .then().statusCode(400).body("'field-errors'", hasKey("label"));

        assertEquals(3, database.count("opportunity_status", org.organizationId()));
        assertEquals(0, database.count("outbox_event", org.organizationId()));
    }

    @Test
    void refusesToDeleteAStatusThatOpportunitiesUse() {
        TestOrganizations org = TestOrganizations.provisioned();
        String won = PipelineResourceTest.sales(org).getString("statuses[1].id");
        String lost = PipelineResourceTest.sales(org).getString("statuses[2].id");
        insertOpportunity(org, won);

        org.request().delete("/api/v1/status/opportunity/" + won + "/").then().statusCode(400)
                .body("errors[0]", matchesPattern(".*used by 1 opportunity.*"));
        org.request().delete("/api/v1/status/opportunity/" + lost + "/").then().statusCode(200)
                .body("$", aMapWithSize(0));

        org.request().get("/api/v1/status/opportunity/").then().body("data.label", contains("Active", "Won"));
    }

    @Test
    void renamesAndAnotherOrganizationsStatusIsNotFound() {
        TestOrganizations org = TestOrganizations.provisioned();
        String active = PipelineResourceTest.sales(org).getString("statuses[0].id");
        String foreign = PipelineResourceTest.sales(TestOrganizations.provisioned()).getString("statuses[0].id");

        org.request().body("{\"label\": \"Open\"}").put("/api/v1/status/opportunity/" + active + "/")
                .then().statusCode(200).body("label", equalTo("Open")).body("type", equalTo("active"));
        org.request().get("/api/v1/pipeline/").then().body("data[0].statuses[0].label", equalTo("Open"));

        org.request().body("{\"label\": \"Mine\"}").put("/api/v1/status/opportunity/" + foreign + "/")
                .then().statusCode(404);
        org.request().delete("/api/v1/status/opportunity/" + foreign + "/").then().statusCode(404);
    }

    /** Opportunities have no endpoint on this branch yet; a row is all the delete check needs. */
    private void insertOpportunity(TestOrganizations org, String statusId) {
        String leadId = org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");
        pool.preparedQuery("insert into opportunity (id, organization_id, lead_id, status_id, date_created, date_updated)"
                        + " values ($1, $2, $3, $4, $5, $5)")
                .execute(Tuple.of("oppo_" + leadId.substring(5), org.organizationId(), leadId, statusId,
                        OffsetDateTime.now()))
                .await().indefinitely();
    }
}
