package io.leadline.core.savedsearch;

import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** {@code /saved_search/}: smart views, their validation by the search parsers, and their use by the opportunity list. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class SavedSearchResourceTest {

    static final String BIG_LEADS = """
            {"name": "Big leads", "s_query": {"type": "and", "queries": [
              {"type": "object_type", "object_type": "lead"},
              {"type": "field_condition", "field": {"type": "regular_field", "object_type": "lead", "field_name": "name"},
               "condition": {"type": "text", "value": "big"}}]},
             "selected_fields": ["display_name", "status_label"], "is_shared": true}""";

    @Test
    void createsListsUpdatesAndDeletesSmartViews() {
        TestOrganizations org = TestOrganizations.provisioned();
        JsonPath created = org.request().body(BIG_LEADS).post("/api/v1/saved_search/").then().statusCode(200)
                .body("id", matchesPattern("save_[0-9A-Za-z]{43}"))
                .body("type", equalTo("lead"))
                .body("name", equalTo("Big leads"))
                .body("query", nullValue())
                .body("s_query.queries[1].condition.value", equalTo("big"))
                .body("selected_fields", contains("display_name", "status_label"))
                .body("is_shared", equalTo(true))
                .body("sharing_settings.whole_org", equalTo(true))
                .body("user_id", equalTo(org.userId()))
                .body("organization_id", equalTo(org.organizationId()))
                .extract().jsonPath();
        String id = created.getString("id");
        String text = org.request().body("{\"name\": \"Acme\", \"query\": \"name:acme sort:name\"}")
                .post("/api/v1/saved_search/").then().statusCode(200).body("is_shared", equalTo(false))
                .extract().path("id");
        String contacts = org.request().body("{\"name\": \"CEOs\", \"type\": \"contact\", \"s_query\": "
                        + "{\"type\": \"object_type\", \"object_type\": \"contact\"}}")
                .post("/api/v1/saved_search/").then().statusCode(200).extract().path("id");

        org.request().get("/api/v1/saved_search/").then().statusCode(200).body("data.id", contains(id, text));
        org.request().queryParam("type", "contact").get("/api/v1/saved_search/").then().body("data.id", contains(contacts));
        org.request().queryParam("type__in", "contact,lead").get("/api/v1/saved_search/").then()
                .body("data.id", containsInAnyOrder(id, text, contacts));
        org.request().queryParam("_fields", "id,name").get("/api/v1/saved_search/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Big leads")).body("$", aMapWithSize(2));

        org.request().body("{\"name\": \"Bigger leads\", \"query\": \"big\", \"s_query\": null}")
                .put("/api/v1/saved_search/" + id + "/").then().statusCode(200)
                .body("name", equalTo("Bigger leads")).body("query", equalTo("big")).body("s_query", nullValue())
                .body("selected_fields", contains("display_name", "status_label"));
        org.request().delete("/api/v1/saved_search/" + id + "/").then().statusCode(200).body("$", aMapWithSize(0));
        org.request().get("/api/v1/saved_search/" + id + "/").then().statusCode(404);
    }

    @Test
    void privateViewsAndOtherOrganizationsAreNotFound() {
        TestOrganizations org = TestOrganizations.provisioned();
        String mine = org.request().body("{\"name\": \"Mine\", \"query\": \"acme\"}").post("/api/v1/saved_search/")
                .then().statusCode(200).extract().path("id");
        String shared = org.request().body(BIG_LEADS).post("/api/v1/saved_search/").then().statusCode(200)
                .extract().path("id");
        RequestSpecification colleague = given().contentType(ContentType.JSON).header("Authorization",
                "Bearer " + InternalTokens.mint(org.organizationId(), "user_colleague"));
        colleague.get("/api/v1/saved_search/").then().statusCode(200).body("data.id", contains(shared));
        colleague.get("/api/v1/saved_search/" + mine + "/").then().statusCode(404);
        colleague.body("{\"name\": \"x\"}").put("/api/v1/saved_search/" + mine + "/").then().statusCode(404);

        TestOrganizations other = TestOrganizations.provisioned();
        other.request().get("/api/v1/saved_search/" + shared + "/").then().statusCode(404);
        other.request().delete("/api/v1/saved_search/" + shared + "/").then().statusCode(404);
        other.request().get("/api/v1/saved_search/").then().body("data", empty());
        other.request().queryParam("lead_saved_search_id", shared).get("/api/v1/opportunity/").then().statusCode(400)
                .body("'field-errors'.lead_saved_search_id", equalTo("No lead smart view with this id."));
    }

    @Test
    void queriesAreCheckedByTheSearchParsers() {
        TestOrganizations org = TestOrganizations.provisioned();
        List<String[]> bad = List.of(
                new String[] {"{\"name\": \"x\"}", "s_query"},
                new String[] {"{\"query\": \"acme\"}", "name"},
                new String[] {"{\"name\": \"x\", \"query\": \"name:acme OR )\"}", "query"},
                new String[] {"{\"name\": \"x\", \"query\": \"color:red\"}", "query"},
                new String[] {"{\"name\": \"x\", \"type\": \"contact\", \"query\": \"acme\"}", "query"},
                new String[] {"{\"name\": \"x\", \"type\": \"call\", \"query\": \"acme\"}", "type"},
                new String[] {"{\"name\": \"x\", \"type\": \"planet\", \"query\": \"acme\"}", "type"},
                new String[] {"{\"name\": \"x\", \"s_query\": {\"type\": \"object_type\", \"object_type\": \"contact\"}}",
                        "s_query"},
                new String[] {"{\"name\": \"x\", \"s_query\": {\"type\": \"text\", \"value\": \"a\"}}", "s_query"},
                new String[] {"{\"name\": \"x\", \"s_query\": {\"type\": \"and\", \"queries\": [{\"type\":"
                        + " \"object_type\", \"object_type\": \"lead\"}, {\"type\": \"bogus\"}]}}", "s_query.queries.1.type"},
                new String[] {"{\"name\": \"x\", \"s_query\": [1]}", "s_query"},
                new String[] {"{\"name\": \"x\", \"query\": \"a\", \"selected_fields\": [1]}", "selected_fields.0"},
                new String[] {"{\"name\": \"x\", \"query\": \"a\", \"is_shared\": \"yes\"}", "is_shared"},
                new String[] {"{\"name\": \"x\", \"query\": \"a\", \"sharing_settings\": {\"user_ids\": [3]}}",
                        "sharing_settings.user_ids.0"});
        for (String[] body : bad) {
            org.request().body(body[0]).post("/api/v1/saved_search/").then().statusCode(400)
                    .body("'field-errors'", hasKey(body[1]));
        }
        org.request().get("/api/v1/saved_search/").then().body("data", empty());
        String id = org.request().body(BIG_LEADS).post("/api/v1/saved_search/").then().statusCode(200).extract().path("id");
        // a type change must fit the stored query
        org.request().body("{\"type\": \"contact\"}").put("/api/v1/saved_search/" + id + "/").then().statusCode(400)
                .body("'field-errors'", hasKey("s_query"));
        org.request().body("{\"s_query\": null}").put("/api/v1/saved_search/" + id + "/").then().statusCode(400);
    }

    @Test
    void theOpportunityListTakesALeadSmartViewAndALeadQuery() {
        TestOrganizations org = TestOrganizations.provisioned();
        String big = org.request().body("{\"name\": \"Big Co\", \"contacts\": [{\"name\": \"Ann\", \"title\": \"CEO\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");
        String small = org.request().body("{\"name\": \"Small Co\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");
        org.request().body("{\"lead_id\": \"" + big + "\", \"value\": 1000}").post("/api/v1/opportunity/").then().statusCode(200);
        org.request().body("{\"lead_id\": \"" + big + "\", \"value\": 2000}").post("/api/v1/opportunity/").then().statusCode(200);
        org.request().body("{\"lead_id\": \"" + small + "\", \"value\": 50}").post("/api/v1/opportunity/").then().statusCode(200);
        String view = org.request().body(BIG_LEADS).post("/api/v1/saved_search/").then().statusCode(200).extract().path("id");
        String textView = org.request().body("{\"name\": \"Small\", \"query\": \"name:small\"}")
                .post("/api/v1/saved_search/").then().statusCode(200).extract().path("id");

        org.request().queryParam("lead_saved_search_id", view).queryParam("_order_by", "value").get("/api/v1/opportunity/")
                .then().statusCode(200).body("data.value", contains(1000, 2000)).body("total_results", equalTo(2))
                .body("total_value_one_time", equalTo(3000));
        org.request().queryParam("lead_saved_search_id", textView).get("/api/v1/opportunity/").then().statusCode(200)
                .body("data.lead_id", contains(small));
        org.request().queryParam("lead_query", "has:contacts").get("/api/v1/opportunity/").then().statusCode(200)
                .body("total_results", equalTo(2));
        org.request().queryParam("lead_query", "name:small").queryParam("lead_saved_search_id", view)
                .get("/api/v1/opportunity/").then().statusCode(200).body("data", empty());
        org.request().queryParam("lead_query", "name:acme OR )").get("/api/v1/opportunity/").then().statusCode(400);
        org.request().queryParam("lead_query", "sort:name").get("/api/v1/opportunity/").then().statusCode(400);
        org.request().queryParam("lead_saved_search_id", "save_nope").get("/api/v1/opportunity/").then().statusCode(400);
    }
}
