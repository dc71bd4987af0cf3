package io.leadline.activities.activity;

import io.leadline.activities.CrmEvents;
import io.leadline.activities.GatewayEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/** {@code GET /activity/}: every type together, its filters, and Close's rules on which go together. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ActivityListTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    /**
     * A lead with a note (2024-01-01), a call (2024-02-01) and a note on its contact (2024-03-01), and another lead
     * with a note; each lead also has the Created activity recorded from its lead.created (activity_at 2026-11-26,
     * created before the notes).
     */
    record Fixture(TestOrganizations org, String lead, String contact, String otherLead, List<String> ids) {
    }

    private Fixture fixture() {
        TestOrganizations org = TestOrganizations.fresh();
        CrmEvents crm = new CrmEvents(connector, pool, org);
        String[] lead = crm.leadWithContact();
        String otherLead = crm.leadWithContact()[0];
        List<String> ids = new ArrayList<>();
        ids.add(post(org, "note", "{\"lead_id\": \"" + lead[0] + "\", \"note\": \"first\", \"activity_at\": \"2024-01-01T00:00:00Z\"}"));
        ids.add(post(org, "call", "{\"lead_id\": \"" + lead[0] + "\", \"note\": \"second\", \"activity_at\": \"2024-02-01T00:00:00Z\"}"));
        ids.add(post(org, "note", "{\"lead_id\": \"" + lead[0] + "\", \"contact_id\": \"" + lead[1]
                + "\", \"note\": \"third\", \"activity_at\": \"2024-03-01T00:00:00Z\"}"));
        ids.add(post(org, "note", "{\"lead_id\": \"" + otherLead + "\", \"note\": \"other lead\"}"));
        return new Fixture(org, lead[0], lead[1], otherLead, ids);
    }

    private static String post(TestOrganizations org, String type, String body) {
        return org.request().body(body).post("/api/v1/activity/" + type + "/").then().statusCode(200).extract().path("id");
    }

    @Test
    void listsEveryTypeNewestFirstWithItsType() {
        Fixture f = fixture();
        f.org().request().get("/api/v1/activity/").then().statusCode(200)
                .body("data.note", contains("other lead", "third", "second", "first", null, null))
                .body("data._type", contains("Note", "Note", "Call", "Note", "Created", "Created"))
                .body("has_more", equalTo(false));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_fields", "id,_type").get("/api/v1/activity/")
                .then().statusCode(200)
                .body("data._type", contains("Note", "Call", "Note", "Created"))
                .body("data.id[0]", equalTo(f.ids().get(2)))
                .body("data.id[2]", equalTo(f.ids().get(0)))
                .body("data[0]", aMapWithSize(2));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_limit", 1).queryParam("_skip", 1)
                .get("/api/v1/activity/").then().statusCode(200)
                .body("data.note", contains("second")).body("has_more", equalTo(true));
        f.org().request().queryParam("id__in", f.ids().get(0) + "," + f.ids().get(3)).get("/api/v1/activity/").then()
                .statusCode(200).body("data.note", contains("other lead", "first"));
        f.org().request().queryParam("lead_id__in", f.lead() + "," + f.otherLead()).get("/api/v1/activity/").then()
                .statusCode(200).body("data", org.hamcrest.Matchers.hasSize(6));
        TestOrganizations.fresh().request().get("/api/v1/activity/").then().statusCode(200).body("data", empty());
        TestOrganizations.fresh().request().queryParam("lead_id", f.lead()).get("/api/v1/activity/").then()
                .statusCode(200).body("data", empty());
    }

    @Test
    void userIdInTakesGroupIdsWhichMatchTheirCurrentMembersInTheOrganizationOnly() {
        Fixture f = fixture();
        String colleague = "user_" + Ids.randomBase62(20);
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + InternalTokens.mint(f.org().organizationId(), colleague))
                .body("{\"lead_id\": \"" + f.lead() + "\", \"note\": \"by a colleague\"}")
                .post("/api/v1/activity/note/").then().statusCode(200);
        String group = Ids.longId("group");
        GatewayEvents gateway = new GatewayEvents(connector, pool);

        gateway.group("created", f.org().organizationId(), group, colleague);
        assertNotes(f, group, "by a colleague");
        assertNotes(f, f.org().userId() + "," + group, "by a colleague", "third", "first");
        gateway.group("updated", f.org().organizationId(), group, f.org().userId());
        assertNotes(f, group, "third", "first");
        gateway.group("updated", f.org().organizationId(), group);
        assertNotes(f, group);

        // another organization's group naming the same user matches nothing here
        String foreign = Ids.longId("group");
        gateway.group("created", TestOrganizations.fresh().organizationId(), foreign, colleague);
        assertNotes(f, foreign);
        gateway.group("updated", f.org().organizationId(), group, colleague);
        gateway.group("deleted", f.org().organizationId(), group);
        assertNotes(f, group);
    }

    /** The notes of the fixture's lead whose user is among {@code userIdIn}, newest first. */
    private static void assertNotes(Fixture f, String userIdIn, String... notes) {
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_type", "Note")
                .queryParam("user_id__in", userIdIn).get("/api/v1/activity/").then().statusCode(200)
                .body("data.note", notes.length == 0 ? empty() : contains(notes));
    }

    @Test
    void filtersOneLeadsActivitiesByTypeContactUserAndActivityDate() {
        Fixture f = fixture();
        var lead = f.org().request().queryParam("lead_id", f.lead());
        lead.queryParam("_type", "Call").get("/api/v1/activity/").then().statusCode(200).body("data.note", contains("second"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_type__in", "Call,Note")
                .get("/api/v1/activity/").then().statusCode(200).body("data.note", contains("third", "second", "first"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_type", "Email")
                .get("/api/v1/activity/").then().statusCode(200).body("data", empty());
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_type__in", "Custom,actitype_1h5m6uHM9BZOpwVhyRJb4Y")
                .get("/api/v1/activity/").then().statusCode(200).body("data", empty());
        f.org().request().queryParam("lead_id", f.lead()).queryParam("contact_id", f.contact())
                .get("/api/v1/activity/").then().statusCode(200).body("data.note", contains("third"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("user_id", f.org().userId())
                .get("/api/v1/activity/").then().statusCode(200).body("data", org.hamcrest.Matchers.hasSize(4));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("user_id", "user_someoneelse")
                .get("/api/v1/activity/").then().statusCode(200).body("data", empty());
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_order_by", "-activity_at")
                .queryParam("activity_at__gte", "2024-01-15").queryParam("activity_at__lt", "2024-03-01T00:00:00Z")
                .get("/api/v1/activity/").then().statusCode(200).body("data.note", contains("second"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_order_by", "activity_at")
                .get("/api/v1/activity/").then().statusCode(200).body("data.note", contains("first", "second", "third", null));
        f.org().request().queryParam("date_created__gte", "2000-01-01").queryParam("_order_by", "date_created")
                .get("/api/v1/activity/").then().statusCode(200)
                .body("data.note", contains(null, null, "first", "second", "third", "other lead"));
        f.org().request().queryParam("date_created__lt", "2000-01-01").get("/api/v1/activity/").then().statusCode(200)
                .body("data", empty());
    }

    @Test
    void refusesCombinationsCloseDoesNotAllow() {
        Fixture f = fixture();
        for (String leadOnly : List.of("user_id", "contact_id", "_type", "user_id__in", "contact_id__in", "_type__in")) {
            f.org().request().queryParam(leadOnly, "x").get("/api/v1/activity/").then().statusCode(400)
                    .body("'field-errors'." + leadOnly, containsString("single lead"));
        }
        f.org().request().queryParam("lead_id__in", f.lead() + "," + f.otherLead()).queryParam("_type", "Note")
                .get("/api/v1/activity/").then().statusCode(400).body("'field-errors'", hasKey("_type"));
        f.org().request().queryParam("_order_by", "-activity_at").get("/api/v1/activity/").then().statusCode(400)
                .body("'field-errors'._order_by", containsString("single lead"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("activity_at__gt", "2024-01-01")
                .get("/api/v1/activity/").then().statusCode(400)
                .body("'field-errors'.activity_at__gt", containsString("_order_by=-activity_at"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_order_by", "-activity_at")
                .queryParam("date_created__gt", "2024-01-01").get("/api/v1/activity/").then().statusCode(400)
                .body("'field-errors'", hasKey("date_created__gt"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_order_by", "note")
                .get("/api/v1/activity/").then().statusCode(400).body("'field-errors'", hasKey("_order_by"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_type", "Tweet")
                .get("/api/v1/activity/").then().statusCode(400).body("'field-errors'._type", containsString("Tweet"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("date_created__gt", "yesterday")
                .get("/api/v1/activity/").then().statusCode(400).body("'field-errors'", hasKey("date_created__gt"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_limit", 101)
                .get("/api/v1/activity/").then().statusCode(400).body("'field-errors'", hasKey("_limit"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("thread_emails", "sometimes")
                .get("/api/v1/activity/").then().statusCode(400).body("'field-errors'", hasKey("thread_emails"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("thread_emails", "only")
                .get("/api/v1/activity/").then().statusCode(200).body("data", empty());
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_type", "Call")
                .get("/api/v1/activity/note/").then().statusCode(400).body("'field-errors'", hasKey("_type"));
        f.org().request().queryParam("lead_id", f.lead()).queryParam("_type", "Note")
                .get("/api/v1/activity/note/").then().statusCode(200).body("data", org.hamcrest.Matchers.hasSize(2));
    }
}
