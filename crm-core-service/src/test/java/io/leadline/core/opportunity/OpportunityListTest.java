package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.core.provisioning.OrganizationCreatedConsumer;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class OpportunityListTest {

    @Inject
    Pipelines pipelines;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Database database;

    /** Four opportunities: two of Ann's (one won in May, one monthly active), one of Bob's won in June, one lost. */
    private record Fixture(TestOrganizations org, String leadA, String leadB, List<String> ids) {
    }

    private Fixture fixture() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadA = OpportunityResourceTest.createLead(org, "{\"name\": \"Acme\"}").getString("id");
        String leadB = OpportunityResourceTest.createLead(org, "{\"name\": \"Beta\"}").getString("id");
        String won = pipelines.statusId(org.organizationId(), "Won");
        String lost = pipelines.statusId(org.organizationId(), "Lost");
        List<String> ids = List.of(
                create(org, """
                        {"lead_id": "%s", "user_id": "user_ann", "status_id": "%s", "date_won": "2024-05-10",
                         "value": 100000, "value_period": "one_time", "confidence": 100}""".formatted(leadA, won)),
                create(org, """
                        {"lead_id": "%s", "user_id": "user_ann", "value": 5000, "value_period": "monthly",
                         "confidence": 50}""".formatted(leadA)),
                create(org, """
                        {"lead_id": "%s", "user_id": "user_bob", "status_id": "%s", "date_won": "2024-06-02",
                         "value": 240000, "value_period": "annual", "confidence": 100}""".formatted(leadB, won)),
                create(org, """
                        {"lead_id": "%s", "user_id": "user_bob", "status_id": "%s", "value": 7000,
                         "value_period": "one_time", "confidence": 10}""".formatted(leadB, lost)));
        return new Fixture(org, leadA, leadB, ids);
    }

    @Test
    void aggregatesEveryMatchNotJustThePage() {
        Fixture f = fixture();

        f.org().request().queryParam("_limit", 1).get("/api/v1/opportunity/").then().statusCode(200)
                .body("data", hasSize(1))
                .body("has_more", equalTo(true))
                .body("total_results", equalTo(4))
                .body("count_by_value_period.one_time", equalTo(2))
                .body("count_by_value_period.monthly", equalTo(1))
                .body("count_by_value_period.annual", equalTo(1))
                .body("total_value_one_time", equalTo(107000))
                .body("total_value_monthly", equalTo(5000))
                .body("total_value_annual", equalTo(240000))
                .body("total_value_annualized", equalTo(107000 + 60000 + 240000))
                .body("expected_value_one_time", equalTo(100000 + 700))
                .body("expected_value_monthly", equalTo(2500))
                .body("expected_value_annual", equalTo(240000))
                .body("expected_value_annualized", equalTo(100700 + 30000 + 240000));
    }

    @Test
    void filtersByOpportunityAndStatusFields() {
        Fixture f = fixture();
        List<String> ids = f.ids();

        assertIds(f, "status_type=won", ids.get(0), ids.get(2));
        assertIds(f, "status_type__in=active,lost", ids.get(1), ids.get(3));
        assertIds(f, "status_label=Lost", ids.get(3));
        assertIds(f, "lead_id=" + f.leadA(), ids.get(0), ids.get(1));
        assertIds(f, "user_id__in=user_bob", ids.get(2), ids.get(3));
        assertIds(f, "value_period=monthly", ids.get(1));
        assertIds(f, "confidence__gte=50&value__lt=200000", ids.get(0), ids.get(1));
        assertIds(f, "date_won__gte=2024-06-01", ids.get(2));
        assertIds(f, "pipeline_id=" + pipelines.pipelineId(f.org().organizationId(), "Sales"), ids.toArray(String[]::new));
        assertIds(f, "id__in=" + ids.get(1) + "," + ids.get(3), ids.get(1), ids.get(3));

        f.org().request().queryParam("status_type", "won").get("/api/v1/opportunity/").then()
                .body("total_results", equalTo(2))
                .body("total_value_annualized", equalTo(340000));
    }

    @Test
    void userIdInTakesGroupIdsWhichMatchTheirCurrentMembersInTheOrganizationOnly() {
        Fixture f = fixture();
        List<String> ids = f.ids();
        String organizationId = f.org().organizationId();
        String group = Ids.longId("group");

        sendGroupEvent("group.created", organizationId, group);
        assertIds(f, "user_id__in=" + group);
        sendGroupEvent("group.updated", organizationId, group, "user_bob");
        assertIds(f, "user_id__in=" + group, ids.get(2), ids.get(3));
        assertIds(f, "user_id=" + group, ids.get(2), ids.get(3));
        assertIds(f, "user_id__in=user_ann," + group, ids.toArray(String[]::new));
        f.org().request().get("/api/v1/opportunity/?user_id__in=" + group).then()
                .body("total_value_annualized", equalTo(240000 + 7000));

        sendGroupEvent("group.updated", organizationId, group, "user_ann");
        assertIds(f, "user_id__in=" + group, ids.get(0), ids.get(1));

        // another organization's group of the same users matches nothing here
        String foreign = Ids.longId("group");
        sendGroupEvent("group.created", TestOrganizations.provisioned().organizationId(), foreign, "user_ann",
                "user_bob");
        assertIds(f, "user_id__in=" + foreign);

        sendGroupEvent("group.deleted", organizationId, group);
        assertIds(f, "user_id__in=" + group);
        assertIds(f, "user_id__in=user_bob", ids.get(2), ids.get(3));
    }

    /** The gateway's {@code group.*} fixture about {@code group} with these members, consumed before answering. */
    private void sendGroupEvent(String type, String organizationId, String group, String... members) {
        ObjectNode event;
        try (InputStream in = getClass().getResourceAsStream("/events/" + type + ".json")) {
            event = (ObjectNode) new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String eventId = Ids.shortId("ev");
        event.put("id", eventId).put("organization_id", organizationId).put("object_id", group);
        ObjectNode data = event.get("data") instanceof ObjectNode node ? node : event.putObject("data");
        if (type.endsWith(".deleted")) {
            event.putNull("data");
        } else {
            data.put("id", group).put("organization_id", organizationId);
            ArrayNode list = data.putArray("members");
            for (String member : members) {
                list.addObject().put("user_id", member);
            }
        }
        connector.<List<String>>source(OrganizationCreatedConsumer.CHANNEL).runOnVertxContext(true)
                .send(List.of(event.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> database.queryLong(
                "select count(*) from processed_event where event_id = $1", eventId) == 1);
    }

    @Test
    void ordersByTheFieldsCloseAllows() {
        Fixture f = fixture();
        List<String> ids = f.ids();

        assertOrder(f, "-annualized_value", ids.get(2), ids.get(0), ids.get(1), ids.get(3));
        assertOrder(f, "value", ids.get(1), ids.get(3), ids.get(0), ids.get(2));
        assertOrder(f, "confidence,-value", ids.get(3), ids.get(1), ids.get(2), ids.get(0));
        assertOrder(f, "-date_created", ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        f.org().request().queryParam("_order_by", "note").get("/api/v1/opportunity/").then().statusCode(400)
                .body("'field-errors'", hasKey("_order_by"));
    }

    @Test
    void groupsByUserWithTheAggregatesOfEachGroup() {
        Fixture f = fixture();
        List<String> ids = f.ids();

        JsonPath page = f.org().request().queryParam("_group_by", "user_id").queryParam("_order_by", "value")
                .queryParam("_fields", "id")
                .get("/api/v1/opportunity/").then().statusCode(200)
                .body("total_results", equalTo(4))
                .body("data", hasSize(2))
                .extract().jsonPath();
        assertEquals("user_ann", page.getString("data[0].key"));
        assertEquals("user_ann", page.getString("data[0].user_id"));
        assertEquals(List.of(ids.get(1), ids.get(0)), page.getList("data[0].objects.id"));
        assertEquals(2, page.getInt("data[0].total_results"));
        assertEquals(105000, page.getInt("data[0].total_value_one_time") + page.getInt("data[0].total_value_monthly"));
        assertEquals(List.of(ids.get(3), ids.get(2)), page.getList("data[1].objects.id"));
        assertEquals(240000, page.getInt("data[1].total_value_annual"));

        // A page cut inside a group still reports the whole group's totals.
        f.org().request().queryParam("_group_by", "-user_id").queryParam("_limit", 1)
                .get("/api/v1/opportunity/").then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].key", equalTo("user_bob"))
                .body("data[0].objects", hasSize(1))
                .body("data[0].total_results", equalTo(2))
                .body("has_more", equalTo(true));
    }

    @Test
    void groupsByMonthWon() {
        Fixture f = fixture();
        List<String> ids = f.ids();

        f.org().request().queryParam("_group_by", "-date_won__month").queryParam("status_type", "won")
                .get("/api/v1/opportunity/").then().statusCode(200)
                .body("data.key", contains("2024-06", "2024-05"))
                .body("data[0].year", equalTo(2024))
                .body("data[0].month", equalTo(6))
                .body("data[0].objects[0].id", equalTo(ids.get(2)))
                .body("data[1].objects[0].id", equalTo(ids.get(0)))
                .body("data[1].total_value_one_time", equalTo(100000));
        f.org().request().queryParam("_group_by", "date_won__decade").get("/api/v1/opportunity/").then()
                .statusCode(400).body("'field-errors'", hasKey("_group_by"));
    }

    @Test
    void refusesFiltersItCannotApplyYetAndUnknownOnes() {
        TestOrganizations org = TestOrganizations.provisioned();
        // lead_saved_search_id=x names no smart view (SavedSearchResourceTest covers it and lead_query;
        // OpportunityQueryTest the list's own query)
        for (String parameter : List.of("is_stalled", "lead_saved_search_id", "nonsense", "_nonsense")) {
            org.request().queryParam(parameter, "x").get("/api/v1/opportunity/").then().statusCode(400)
                    .body("'field-errors'", hasKey(parameter));
        }
        org.request().queryParam("date_won__gte", "soon").get("/api/v1/opportunity/").then().statusCode(400);
        org.request().queryParam("_limit", 101).get("/api/v1/opportunity/").then().statusCode(400);
    }

    @Test
    void listsOnlyTheCallersOrganizationAndHonoursFields() {
        Fixture f = fixture();
        TestOrganizations other = TestOrganizations.provisioned();

        other.request().get("/api/v1/opportunity/").then().statusCode(200)
                .body("data", hasSize(0))
                .body("total_results", equalTo(0))
                .body("total_value_annualized", equalTo(0));
        other.request().queryParam("lead_id", f.leadA()).get("/api/v1/opportunity/").then()
                .body("data", hasSize(0));
        f.org().request().queryParam("_fields", "id,value").queryParam("_limit", 2).get("/api/v1/opportunity/")
                .then().statusCode(200).body("data[0]", aMapWithSize(2)).body("data[1]", aMapWithSize(2));
    }

    private void assertIds(Fixture f, String filter, String... expected) {
        JsonPath page = f.org().request().queryParam("_order_by", "date_created")
                .get("/api/v1/opportunity/?" + filter).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(expected), page.getList("data.id"), filter);
        assertEquals(expected.length, page.getInt("total_results"), filter);
    }

    private void assertOrder(Fixture f, String orderBy, String... expected) {
        List<String> ids = f.org().request().queryParam("_order_by", orderBy).get("/api/v1/opportunity/")
                .then().statusCode(200).extract().jsonPath().getList("data.id");
        assertEquals(List.of(expected), ids, orderBy);
    }

    private static String create(TestOrganizations org, String body) {
        return org.request().body(body).post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
    }
}
