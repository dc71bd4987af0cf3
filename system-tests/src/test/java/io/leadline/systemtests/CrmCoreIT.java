package io.leadline.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Contacts, opportunities, tasks and the configuration they rest on, through the gateway. */
class CrmCoreIT {

    private static Tenant tenant;

    @BeforeAll
    static void createOrganization() {
        tenant = Tenant.create("Core Co");
    }

    @Test
    void theOrganizationShowsItsDefaultStatusesAndPipeline() {
        JsonPath organization = tenant.api().get("/organization/" + tenant.organizationId() + "/")
                .then().statusCode(200).extract().jsonPath();
        assertThat(organization.getList("lead_statuses.label"))
                .containsExactly("Potential", "Bad Fit", "Qualified", "Customer");
        assertThat(organization.getList("pipelines[0].statuses.type")).containsExactly("active", "won", "lost");
    }

    @Test
    void aContactWithoutALeadGetsALeadNamedAfterIt() {
        JsonPath contact = tenant.api().body(Map.of("name", "Selina Kyle",
                        "phones", List.of(Map.of("phone", "(415) 555-0123", "type", "mobile"))))
                .post("/contact/").then().statusCode(200).extract().jsonPath();
        assertThat(contact.getString("phones[0].phone")).isEqualTo("+14155550123");
        tenant.api().get("/lead/" + contact.getString("lead_id") + "/").then().statusCode(200)
                .body("name", equalTo("Selina Kyle"))
                .body("contact_ids", hasItem(contact.getString("id")));
    }

    @Test
    void winningAnOpportunitySetsDateWonAndTheEventLogRecordsIt() {
        String leadId = tenant.api().body(Map.of("name", "Opportunity Lead")).post("/lead/")
                .then().statusCode(200).extract().path("id");
        JsonPath pipelines = tenant.api().get("/pipeline/").then().statusCode(200).extract().jsonPath();
        String won = pipelines.getString("data[0].statuses.find { it.type == 'won' }.id");

        String opportunityId = tenant.api().body(Map.of("lead_id", leadId, "value", 150000, "value_period", "monthly",
                        "confidence", 50))
                .post("/opportunity/").then().statusCode(200)
                .body("status_type", equalTo("active"))
                .body("annualized_value", equalTo(1800000))
                .extract().path("id");
        tenant.api().body(Map.of("status_id", won)).put("/opportunity/" + opportunityId + "/")
                .then().statusCode(200).body("status_type", equalTo("won")).body("date_won", notNullValue());

        List<Map<String, Object>> events = Eventually.await(
                () -> tenant.api().queryParam("lead_id", leadId).queryParam("object_type", "opportunity")
                        .get("/event/").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("data"),
                list -> list.size() >= 2, Duration.ofSeconds(20));
        assertThat(events).extracting(e -> e.get("action")).containsExactly("updated", "created");
    }

    @Test
    void aGroupIdInUserIdInListsItsMembersOpportunities() {
        String leadId = tenant.api().body(Map.of("name", "Group Lead")).post("/lead/")
                .then().statusCode(200).extract().path("id");
        String opportunityId = tenant.api().body(Map.of("lead_id", leadId, "value", 1000))
                .post("/opportunity/").then().statusCode(200).extract().path("id");
        String groupId = tenant.api().body(Map.of("name", "Closers")).post("/group/")
                .then().statusCode(201).extract().path("id");
        tenant.api().body(Map.of("user_id", tenant.userId())).post("/group/" + groupId + "/member/")
                .then().statusCode(201);

        // crm-core learns the members from the gateway's group.updated, a moment later
        List<String> matched = Eventually.await(
                () -> tenant.api().queryParam("user_id__in", groupId).queryParam("lead_id", leadId)
                        .get("/opportunity/").then().statusCode(200).extract().jsonPath().<String>getList("data.id"),
                ids -> !ids.isEmpty(), Duration.ofSeconds(20));
        assertThat(matched).containsExactly(opportunityId);
        Tenant.create("Core Stranger").api().queryParam("user_id__in", groupId).get("/opportunity/")
                .then().statusCode(200).body("data", org.hamcrest.Matchers.empty());
    }

    @Test
    void completingATaskIsAnEventAndRemovesItFromTheLead() {
        String leadId = tenant.api().body(Map.of("name", "Task Lead")).post("/lead/")
                .then().statusCode(200).extract().path("id");
        String taskId = tenant.api().body(Map.of("lead_id", leadId, "text", "Call back", "date", "2030-01-02"))
                .post("/task/").then().statusCode(200).extract().path("id");
        tenant.api().get("/lead/" + leadId + "/").then().body("tasks.id", equalTo(List.of(taskId)));

        tenant.api().body(Map.of("is_complete", true)).put("/task/" + taskId + "/").then().statusCode(200);

        tenant.api().get("/lead/" + leadId + "/").then().body("tasks", equalTo(List.of()));
        Eventually.await(
                () -> tenant.api().queryParam("lead_id", leadId).queryParam("object_type", "task.lead")
                        .queryParam("action", "completed").get("/event/")
                        .then().statusCode(200).extract().jsonPath().getList("data"),
                list -> list.size() == 1, Duration.ofSeconds(20));
    }

    @Test
    void renamingALeadStatusShowsOnExistingLeads() {
        Tenant renamer = Tenant.create("Renamer");
        String leadId = renamer.api().body(Map.of("name", "Renamed Status Lead")).post("/lead/")
                .then().statusCode(200).extract().path("id");
        String statusId = renamer.api().get("/lead/" + leadId + "/").then().extract().path("status_id");
        renamer.api().body(Map.of("label", "Prospect")).put("/status/lead/" + statusId + "/").then().statusCode(200);
        renamer.api().get("/lead/" + leadId + "/").then().body("status_label", equalTo("Prospect"));
        renamer.api().delete("/status/lead/" + statusId + "/").then().statusCode(400);
    }
}
