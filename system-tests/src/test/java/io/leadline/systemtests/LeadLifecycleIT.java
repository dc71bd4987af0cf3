package io.leadline.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** A Close client's whole conversation about one lead, through the gateway, with events read back from /event/. */
class LeadLifecycleIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);
    private static Tenant acme;

    @BeforeAll
    static void createOrganization() {
        acme = Tenant.create("Acme Sales");
    }

    @Test
    void createReadUpdateDeleteALeadAndSeeItsEvents() {
        JsonPath created = acme.api()
                .body(Map.of(
                        "name", "Wayne Enterprises",
                        "url", "https://wayne.example",
                        "contacts", List.of(Map.of(
                                "name", "Bruce Wayne",
                                "title", "CEO",
                                "emails", List.of(Map.of("email", "bruce@wayne.example", "type", "office")),
                                "phones", List.of(Map.of("phone", "+16505550100", "type", "mobile"))))))
                .post("/lead/")
                .then().statusCode(200)
                .body("id", startsWith("lead_"))
                .body("organization_id", equalTo(acme.organizationId()))
                .body("status_label", equalTo("Potential"))
                .body("contacts[0].name", equalTo("Bruce Wayne"))
                .body("contacts[0].emails[0].email", equalTo("bruce@wayne.example"))
                .extract().jsonPath();
        String leadId = created.getString("id");
        String contactId = created.getString("contacts[0].id");

        acme.api().get("/lead/" + leadId + "/").then().statusCode(200)
                .body("name", equalTo("Wayne Enterprises"))
                .body("contact_ids", equalTo(List.of(contactId)))
                .body("created_by", equalTo(acme.userId()));
        acme.api().get("/contact/" + contactId + "/").then().statusCode(200).body("lead_id", equalTo(leadId));

        acme.api().body(Map.of("description", "Gotham's largest employer")).put("/lead/" + leadId + "/")
                .then().statusCode(200)
                .body("description", equalTo("Gotham's largest employer"))
                .body("name", equalTo("Wayne Enterprises"));

        List<Map<String, Object>> events = awaitEvents(acme, leadId, "lead", 2);
        assertThat(events).extracting(e -> e.get("action")).containsExactly("updated", "created");
        assertThat((List<Object>) events.get(0).get("changed_fields")).contains("description");
        assertThat(events.get(0).get("request_id").toString()).startsWith("req_");
        assertThat(events.get(0).get("api_key_id")).isNotNull();

        acme.api().delete("/lead/" + leadId + "/").then().statusCode(200).body(equalTo("{}"));
        acme.api().get("/lead/" + leadId + "/").then().statusCode(404).body("error", not(equalTo(null)));
        acme.api().get("/contact/" + contactId + "/").then().statusCode(404);

        List<Map<String, Object>> afterDelete = awaitEvents(acme, leadId, "lead", 3);
        Map<String, Object> deleted = afterDelete.get(0);
        assertThat(deleted.get("action")).isEqualTo("deleted");
        assertThat(((Map<?, ?>) deleted.get("previous_data")).get("name")).isEqualTo("Wayne Enterprises");
    }

    @Test
    void pagesThroughLeadsNewestFirstWithExactHasMore() {
        Tenant pager = Tenant.create("Pager Co");
        List<String> createdIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            createdIds.add(pager.api().body(Map.of("name", "Lead " + i)).post("/lead/")
                    .then().statusCode(200).extract().path("id"));
        }
        List<String> newestFirst = new ArrayList<>(createdIds);
        java.util.Collections.reverse(newestFirst);

        List<String> seen = new ArrayList<>();
        for (int skip = 0; skip < 6; skip += 2) {
            JsonPath page = pager.api().queryParam("_limit", 2).queryParam("_skip", skip).get("/lead/")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            assertThat(page.getBoolean("has_more")).isEqualTo(skip + 2 < 5);
        }
        assertThat(seen).isEqualTo(newestFirst);

        pager.api().queryParam("_fields", "id,name").queryParam("_limit", 1).get("/lead/")
                .then().statusCode(200)
                .body("data[0]", hasKey("name"))
                .body("data[0]", not(hasKey("contacts")))
                .body("data[0].keySet()", equalTo(java.util.Set.of("id", "name")));
        pager.api().queryParam("_limit", 101).get("/lead/").then().statusCode(400).body("field-errors", hasKey("_limit"));
    }

    @Test
    void anotherOrganizationSeesNothingOfTheLead() {
        String leadId = acme.api().body(Map.of("name", "Secret Lead")).post("/lead/")
                .then().statusCode(200).extract().path("id");
        Tenant other = Tenant.create("Competitor");

        other.api().get("/lead/" + leadId + "/").then().statusCode(404);
        other.api().body(Map.of("name", "Stolen")).put("/lead/" + leadId + "/").then().statusCode(404);
        other.api().delete("/lead/" + leadId + "/").then().statusCode(404);
        assertThat(other.api().get("/lead/").then().statusCode(200).extract().<String>jsonPath().getList("data.id"))
                .doesNotContain(leadId);

        awaitEvents(acme, leadId, "lead", 1);
        other.api().queryParam("lead_id", leadId).get("/event/").then().statusCode(200).body("data", equalTo(List.of()));
        acme.api().get("/lead/" + leadId + "/").then().statusCode(200).body("name", equalTo("Secret Lead"));
    }

    @Test
    void malformedJsonIsA400AndCreatesNothing() {
        Tenant careful = Tenant.create("Careful Inc");
        careful.api().body("{\"name\": \"Half").post("/lead/").then().statusCode(400).body("$", hasKey("errors"));
        careful.api().body(Map.of("name", 42, "contacts", "nope")).post("/lead/")
                .then().statusCode(400).body("field-errors", hasKey("contacts"));
        careful.api().get("/lead/").then().statusCode(200).body("data", equalTo(List.of()));
    }

    @Test
    void requestsWithoutAValidKeyAre401() {
        io.restassured.RestAssured.given().baseUri(Stack.get().gatewayUrl()).get("/api/v1/lead/")
                .then().statusCode(401).body("error", not(equalTo(null)));
        io.restassured.RestAssured.given().baseUri(Stack.get().gatewayUrl())
                .auth().preemptive().basic("api_notakey.reallynot", "").get("/api/v1/lead/")
                .then().statusCode(401);
    }

    @Test
    void meDescribesTheKeysUserAndOrganization() {
        acme.api().get("/me/").then().statusCode(200)
                .body("id", equalTo(acme.userId()))
                .body("organizations[0].id", equalTo(acme.organizationId()));
    }

    /** The events of one lead's objects of a type, newest first, once at least {@code count} are visible. */
    private static List<Map<String, Object>> awaitEvents(Tenant tenant, String leadId, String objectType, int count) {
        return Eventually.await(
                () -> tenant.api().queryParam("lead_id", leadId).queryParam("object_type", objectType).get("/event/")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("data"),
                events -> events.size() >= count,
                EVENT_WAIT);
    }
}
