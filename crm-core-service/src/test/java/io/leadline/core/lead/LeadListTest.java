package io.leadline.core.lead;

import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadListTest {

    @Test
    void pagesNewestFirstWithExactHasMore() {
        TestOrganizations org = TestOrganizations.provisioned();
        List<String> names = createLeads(org, 5);

        org.request().queryParam("_limit", 2).get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", contains(names.get(4), names.get(3)))
                .body("has_more", equalTo(true));
        org.request().queryParam("_limit", 2).queryParam("_skip", 2).get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", contains(names.get(2), names.get(1)))
                .body("has_more", equalTo(true));
        org.request().queryParam("_limit", 2).queryParam("_skip", 4).get("/api/v1/lead").then().statusCode(200)
                .body("data.name", contains(names.get(0)))
                .body("has_more", equalTo(false));
        org.request().queryParam("_limit", 5).get("/api/v1/lead/").then().statusCode(200)
                .body("data", hasSize(5))
                .body("has_more", equalTo(false));
    }

    @Test
    void listsFullLeadsWithTheirContactsAndStatusLabels() {
        TestOrganizations org = TestOrganizations.provisioned();
        org.request().body("{\"name\": \"With contacts\", \"contacts\": [{\"name\": \"A\"}, {\"name\": \"B\"}]}")
                .post("/api/v1/lead/").then().statusCode(200);
        org.request().body("{\"name\": \"Alone\", \"status\": \"Customer\"}").post("/api/v1/lead/").then().statusCode(200);

        org.request().get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", contains("Alone", "With contacts"))
                .body("data.status_label", contains("Customer", "Potential"))
                .body("data[0].contacts", hasSize(0))
                .body("data[1].contacts.name", contains("A", "B"));
    }

    @Test
    void returnsOnlyTheRequestedFields() {
        TestOrganizations org = TestOrganizations.provisioned();
        createLeads(org, 2);

        org.request().queryParam("_fields", "id,name").get("/api/v1/lead/").then().statusCode(200)
                .body("data", everyItem(aMapWithSize(2)))
                .body("data", everyItem(hasKey("name")));
    }

    @Test
    void filtersByIdStatusAndDates() {
        TestOrganizations org = TestOrganizations.provisioned();
        String first = org.request().body("{\"name\": \"First\"}").post("/api/v1/lead/").then().extract().path("id");
        String qualified = org.request().body("{\"name\": \"Second\", \"status\": \"Qualified\"}").post("/api/v1/lead/")
                .then().extract().path("status_id");
        String third = org.request().body("{\"name\": \"Third\"}").post("/api/v1/lead/").then().extract().path("id");
        String secondCreated = org.request().queryParam("status_id", qualified).get("/api/v1/lead/").then()
                .statusCode(200).body("data.name", contains("Second")).extract().path("data[0].date_created");

        org.request().queryParam("id__in", first + "," + third).get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", contains("Third", "First"));
        org.request().queryParam("id", first).get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", contains("First"));
        org.request().queryParam("date_created__gt", secondCreated).get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", contains("Third"));
        org.request().queryParam("date_created__lte", secondCreated).get("/api/v1/lead/").then().statusCode(200)
                .body("data.name", contains("Second", "First"));
        org.request().queryParam("date_updated__gte", "2000-01-01").get("/api/v1/lead/").then().statusCode(200)
                .body("data", hasSize(3));
    }

    @Test
    void refusesLimitsAboveTheMaximumAndUnknownFilters() {
        TestOrganizations org = TestOrganizations.provisioned();

        org.request().queryParam("_limit", 101).get("/api/v1/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("_limit"));
        org.request().queryParam("color", "red").get("/api/v1/lead/").then().statusCode(400);
        org.request().queryParam("date_created__gt", "yesterday-ish").get("/api/v1/lead/").then().statusCode(400);
    }

    private static List<String> createLeads(TestOrganizations org, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "Lead " + i;
            org.request().body("{\"name\": \"" + name + "\"}").post("/api/v1/lead/").then().statusCode(200);
            names.add(name);
        }
        return names;
    }
}
