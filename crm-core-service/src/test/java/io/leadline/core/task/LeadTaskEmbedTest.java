package io.leadline.core.task;

import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A lead shows its incomplete tasks, as Close has since June 2024. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadTaskEmbedTest {

    @Test
    void aLeadEmbedsOnlyItsIncompleteTasks() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = TaskFixtures.leadId(org);
        String later = TaskFixtures.task(org, leadId, "\"text\": \"later\", \"date\": \"2024-05-02\"");
        String sooner = TaskFixtures.task(org, leadId, "\"_type\": \"outgoing_call\", \"date\": \"2024-05-01\"");
        TaskFixtures.task(org, leadId, "\"text\": \"done\", \"is_complete\": true");

        org.request().get("/api/v1/lead/" + leadId + "/").then().statusCode(200)
                .body("tasks.id", contains(sooner, later))
                .body("tasks[1].text", equalTo("later"))
                .body("tasks[1].lead_name", equalTo("Acme"));

        org.request().body("{\"is_complete\": true}").put("/api/v1/task/" + later + "/").then().statusCode(200);
        org.request().get("/api/v1/lead/" + leadId + "/").then().body("tasks.id", contains(sooner));
    }

    @Test
    void aPageOfLeadsEmbedsEachLeadsOwnTasks() {
        TestOrganizations org = TestOrganizations.provisioned();
        String first = TaskFixtures.leadId(org);
        String second = TaskFixtures.leadId(org);
        String firstTask = TaskFixtures.task(org, first, "\"text\": \"first\"");
        String secondTask = TaskFixtures.task(org, second, "\"text\": \"second\"");

        org.request().get("/api/v1/lead/").then().statusCode(200)
                .body("data.id", contains(second, first))
                .body("data[0].tasks.id", contains(secondTask))
                .body("data[1].tasks.id", contains(firstTask));
        org.request().queryParam("_fields", "id,tasks").get("/api/v1/lead/").then().statusCode(200)
                .body("data[1].tasks.id", contains(firstTask));
        org.request().queryParam("_fields", "id").get("/api/v1/lead/").then().statusCode(200)
                .body("data", hasSize(2)).body("data[0]", aMapWithSize(1));
    }
}
