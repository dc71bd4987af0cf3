package io.leadline.core.lead;

import io.leadline.core.Database;
import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code POST /lead/merge/}: one lead merges into another, which keeps its own values and gains the rest. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadMergeTest {

    @Inject
    Database database;

    @Test
    void aMergeMovesEverythingToTheDestinationAndFillsOnlyItsBlanks() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        JsonPath destination = org.request().body(cf.in("""
                {"name": "Acme", "custom.cf_tier": "gold", "contacts": [{"name": "Wile"}]}"""))
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        JsonPath source = org.request().body(cf.in("""
                {"name": "Acme Corp", "description": "Anvils", "url": "https://acme.example",
                 "custom.cf_tier": "bronze", "custom.cf_region": "West",
                 "addresses": [{"address_1": "1 Desert Rd", "city": "Phoenix"}],
                 "contacts": [{"name": "Road Runner"}]}"""))
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
        String destinationId = destination.getString("id");
        String sourceId = source.getString("id");
        String opportunity = LeadOpportunityEmbedTest.opportunity(org, sourceId, "\"note\": \"big deal\"");
        String openTask = task(org, sourceId, "\"text\": \"call back\"");
        String doneTask = task(org, sourceId, "\"text\": \"done\", \"is_complete\": true");
        String destinationTask = task(org, destinationId, "\"text\": \"own\"");

        org.request().body(merge(sourceId, destinationId)).post("/api/v1/lead/merge/").then().statusCode(200)
                .body("$", aMapWithSize(0));

        org.request().get("/api/v1/lead/" + sourceId + "/").then().statusCode(404);
        org.request().get("/api/v1/lead/" + destinationId + "/").then().statusCode(200)
                .body("name", equalTo("Acme"))
                .body("description", equalTo("Anvils"))
                .body("url", equalTo("https://acme.example"))
                .body(cf.in("'custom.cf_tier'"), equalTo("gold"))
                .body(cf.in("'custom.cf_region'"), equalTo("West"))
                .body("addresses[0].city", equalTo("Phoenix"))
                .body("contacts.name", contains("Wile", "Road Runner"))
                .body("contact_ids", contains(destination.getString("contacts[0].id"), source.getString("contacts[0].id")))
                .body("opportunities.id", contains(opportunity))
                .body("opportunities[0].lead_name", equalTo("Acme"))
                .body("tasks.id", containsInAnyOrder(openTask, destinationTask));
        org.request().get("/api/v1/task/" + doneTask + "/").then().statusCode(200)
                .body("lead_id", equalTo(destinationId)).body("lead_name", equalTo("Acme"));
        org.request().get("/api/v1/opportunity/" + opportunity + "/").then().body("lead_id", equalTo(destinationId));
        org.request().queryParam("lead_id", destinationId).get("/api/v1/contact/").then().body("data", hasSize(2));
        assertEquals(1, database.count("lead", org.organizationId()));
    }

    @Test
    void aDestinationWithoutNameTakesTheSourcesAndKeepsItsOwnAddresses() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestCustomFields cf = customFields(org);
        String destinationId = org.request().body("""
                {"contacts": [{"name": "Wile"}], "addresses": [{"city": "Tucson"}]}""")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");
        String sourceId = org.request().body("""
                {"name": "Acme", "addresses": [{"city": "Phoenix"}]}""")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");

        org.request().body(merge(sourceId, destinationId)).post("/api/v1/lead/merge/").then().statusCode(200);

        org.request().get("/api/v1/lead/" + destinationId + "/").then()
                .body("name", equalTo("Acme"))
                .body("display_name", equalTo("Acme"))
                .body("addresses.city", contains("Tucson"))
                .body("$", not(hasKey(cf.in("custom.cf_tier"))));
    }

    @Test
    void anotherOrganizationsLeadIsA400AndNothingChanges() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String mine = lead(org, "Mine");
        String alsoMine = lead(org, "Also mine");
        String theirs = lead(other, "Theirs");
        LeadOpportunityEmbedTest.opportunity(org, mine, "\"note\": \"stays\"");
        long mineBefore = database.rowsOf(org.organizationId());
        long theirsBefore = database.rowsOf(other.organizationId());

        org.request().body(merge(theirs, mine)).post("/api/v1/lead/merge/").then().statusCode(400)
                .body("field-errors", hasKey("source")).body("field-errors", not(hasKey("destination")));
        org.request().body(merge(mine, theirs)).post("/api/v1/lead/merge/").then().statusCode(400)
                .body("field-errors", hasKey("destination")).body("field-errors", not(hasKey("source")));
        org.request().body(merge("lead_doesNotExist", alsoMine)).post("/api/v1/lead/merge/").then().statusCode(400)
                .body("field-errors", hasKey("source"));

        assertEquals(mineBefore, database.rowsOf(org.organizationId()));
        assertEquals(theirsBefore, database.rowsOf(other.organizationId()));
        assertEquals(1, database.count("opportunity", org.organizationId()));
        org.request().get("/api/v1/lead/" + mine + "/").then().statusCode(200).body("opportunities", hasSize(1));
        other.request().get("/api/v1/lead/" + theirs + "/").then().statusCode(200);
    }

    @Test
    void aLeadCantMergeIntoItselfAndBothIdsAreRequired() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = lead(org, "Acme");
        long before = database.rowsOf(org.organizationId());

        org.request().body(merge(leadId, leadId)).post("/api/v1/lead/merge/").then().statusCode(400)
                .body("field-errors", hasKey("destination"));
        org.request().body("{\"source\": \"" + leadId + "\"}").post("/api/v1/lead/merge/").then().statusCode(400)
                .body("field-errors.destination", equalTo("This field is required."));
        org.request().body("{\"source\": 5, \"destination\": \"" + leadId + "\"}").post("/api/v1/lead/merge/")
                .then().statusCode(400).body("field-errors", hasKey("source"));
        org.request().body("[]").post("/api/v1/lead/merge/").then().statusCode(400);

        assertEquals(before, database.rowsOf(org.organizationId()));
        org.request().get("/api/v1/lead/" + leadId + "/").then().statusCode(200);
    }

    @Test
    void twoOppositeMergesAtOnceTakeTurns() throws Exception {
        TestOrganizations org = TestOrganizations.provisioned();
        String first = org.request().body("{\"name\": \"First\", \"contacts\": [{\"name\": \"A\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");
        String second = org.request().body("{\"name\": \"Second\", \"contacts\": [{\"name\": \"B\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().path("id");

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() ->
                org.request().body(merge(first, second)).post("/api/v1/lead/merge/").statusCode());
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() ->
                org.request().body(merge(second, first)).post("/api/v1/lead/merge/").statusCode());

        // Whichever runs second finds its source or destination gone: a clean 400, never a half-done merge.
        assertEquals(List.of(200, 400), Stream.of(one.get(), other.get()).sorted().toList());
        assertEquals(1, database.count("lead", org.organizationId()));
        assertEquals(2, database.count("contact", org.organizationId()));
    }

    static String merge(String source, String destination) {
        return "{\"source\": \"" + source + "\", \"destination\": \"" + destination + "\"}";
    }

    private static String lead(TestOrganizations org, String name) {
        return LeadOpportunityEmbedTest.lead(org, name);
    }

    private static String task(TestOrganizations org, String leadId, String extraJson) {
        return org.request().body("{\"lead_id\": \"" + leadId + "\", " + extraJson + "}")
                .post("/api/v1/task/").then().statusCode(200).extract().path("id");
    }

    /** The custom fields this class's bodies name by placeholder. */
    static TestCustomFields customFields(TestOrganizations org) {
        return TestCustomFields.of(org)
                .define("lead", "cf_tier", "text", false)
                .define("lead", "cf_region", "text", false);
    }
}
