package io.leadline.systemtests;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Issue 11's "done when", through the gateway: a field of every type Close has on leads, contacts and opportunities;
 * values set through the public API and read back as Close shows them ({@code custom.<id>}, also by name with
 * {@code _fields}); lists filtered by them (the lead and opportunity {@code query} language, the {@code custom.…}
 * list filters); a custom object type with an object on a lead that fields reference; a custom activity type with a
 * required field (drafts may lack it, publishing may not, {@code published} is the default); the events of all of it
 * in {@code /event/}; and another organization sees none of it.
 */
class CustomFieldTypesIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);
    /** The test sends more than the stack's per-key rate limit allows per window; a 429 is resent, as clients do. */
    private static final Duration THROTTLE_WAIT = Duration.ofSeconds(60);

    /** Every field type Close has, by the key this test knows it under (choices twice: single and multiple). */
    private static final List<String> TYPES = List.of("text", "textarea", "number", "date", "datetime", "choice",
            "choices", "user", "contact", "hidden", "object");

    @Test
    void everyFieldTypeOnLeadsContactsAndOpportunitiesWithinTheTenant() {
        Tenant tenant = Tenant.create("Every Field Co");
        Tenant other = Tenant.create("Every Field Rival");

        String vehicle = call(tenant, r -> r.body(Map.of("name", "Vehicle", "name_plural", "Vehicles"))
                .post("/custom_object_type/")).statusCode(201).extract().path("id");
        String plate = call(tenant, r -> r.body(Map.of("name", "Plate", "type", "text", "required", true,
                "custom_object_type_id", vehicle)).post("/custom_field/custom_object_type/")).statusCode(201)
                .extract().path("id");
        Map<String, String> leadField = defineEveryType(tenant, "lead", "Lead", vehicle);
        Map<String, String> contactField = defineEveryType(tenant, "contact", "Contact", vehicle);
        Map<String, String> oppField = defineEveryType(tenant, "opportunity", "Opp", vehicle);
        call(tenant, r -> r.get("/custom_field_schema/lead/")).statusCode(200)
                .body("fields.id", contains(TYPES.stream().map(leadField::get).toArray()));

        // a lead with every value a new lead can have (contacts and objects of the lead come after it)
        Map<String, Object> leadBody = new HashMap<>(Map.of("name", "Acme", "contacts", List.of(Map.of("name", "Ann"))));
        leadBody.putAll(values(leadField, "Blue", tenant.userId()));
        leadBody.remove("custom." + leadField.get("contact"));
        leadBody.remove("custom." + leadField.get("object"));
        ValidatableResponse created = call(tenant, r -> r.body(leadBody).post("/lead/")).statusCode(200);
        String acme = created.extract().path("id");
        String ann = created.extract().path("contacts[0].id");
        created.body(key(leadField, "number"), equalTo(250))
                .body(key(leadField, "datetime"), equalTo("2024-05-01T10:30:00+00:00"))
                .body(key(leadField, "choices"), contains("A", "B"));

        String truck = call(tenant, r -> r.body(Map.of("custom_object_type_id", vehicle, "lead_id", acme,
                        "name", "Truck", "custom." + plate, "B-123")).post("/custom_object/")).statusCode(201)
                .body("'custom." + plate + "'", equalTo("B-123")).extract().path("id");
        call(tenant, r -> r.body(Map.of("custom_object_type_id", vehicle, "lead_id", acme, "name", "No plate"))
                .post("/custom_object/")).statusCode(400).body("'field-errors'", hasKey("custom." + plate));
        call(tenant, r -> r.body(Map.of("custom." + leadField.get("contact"), ann, "custom." + leadField.get("object"),
                        truck, "custom." + leadField.get("choices") + ".add", "C",
                        "custom." + leadField.get("choices") + ".remove", "A"))
                .put("/lead/" + acme + "/")).statusCode(200);

        // read back: every type in Close's wire shape, also by name with _fields
        ValidatableResponse acmeRead = call(tenant, r -> r.get("/lead/" + acme + "/")).statusCode(200);
        assertEveryValue(acmeRead, leadField, "Blue", tenant.userId(), ann, truck, List.of("B", "C"));
        call(tenant, r -> r.queryParam("_fields", "id,custom.Lead Number,custom.lead user,custom." + leadField.get("text"))
                .get("/lead/" + acme + "/")).statusCode(200)
                .body("'custom.Lead Number'", equalTo(250))
                .body("'custom.lead user'", equalTo(tenant.userId()))
                .body(key(leadField, "text"), equalTo("Blue"))
                .body("$", not(hasKey("name")));
        call(tenant, r -> r.body(Map.of("name", "Bad", "custom." + leadField.get("date"), "May 1st")).post("/lead/"))
                .statusCode(400).body("'field-errors'", hasKey("custom." + leadField.get("date")));
        call(tenant, r -> r.body(Map.of("name", "Bad", "custom." + leadField.get("choice"), "Bronze")).post("/lead/"))
                .statusCode(400).body("'field-errors'", hasKey("custom." + leadField.get("choice")));

        String globex = call(tenant, r -> r.body(Map.of("name", "Globex", "custom." + leadField.get("number"), 5,
                "custom." + leadField.get("choice"), "Silver", "custom." + leadField.get("choices"), List.of("A"),
                "custom." + leadField.get("date"), "2025-06-01", "custom." + leadField.get("text"), "Green"))
                .post("/lead/")).statusCode(200).extract().path("id");

        // lead list filters and the lead query language
        assertLeads(tenant, Map.of("custom." + leadField.get("number") + "__gte", "100"), acme);
        assertLeads(tenant, Map.of("custom." + leadField.get("number") + "__lt", "100"), globex);
        assertLeads(tenant, Map.of("custom." + leadField.get("choice"), "Silver"), globex);
        assertLeads(tenant, Map.of("custom." + leadField.get("choices"), "C"), acme);
        assertLeads(tenant, Map.of("custom." + leadField.get("choices") + "__in", "A,C"), acme, globex);
        assertLeads(tenant, Map.of("custom." + leadField.get("date") + "__lt", "2025-01-01"), acme);
        assertLeads(tenant, Map.of("custom." + leadField.get("datetime") + "__gte", "2024-05-01T02:00:00-08:00"), acme);
        assertLeads(tenant, Map.of("custom." + leadField.get("user"), tenant.userId()), acme);
        assertLeads(tenant, Map.of("custom." + leadField.get("contact"), ann), acme);
        assertLeads(tenant, Map.of("custom." + leadField.get("object"), truck), acme);
        assertLeads(tenant, Map.of("custom." + leadField.get("hidden"), "secret"), acme);
        assertLeads(tenant, Map.of("query", "custom." + leadField.get("text") + ":blu"), acme);
        assertLeads(tenant, Map.of("query", "\"Lead Textarea\":\"second line\""), acme);
        assertLeads(tenant, Map.of("query", "\"Lead Choice\":Silver OR \"Lead Text\":blue"), acme, globex);

        // contacts: values on create and update, the lead_id list Close allows and the custom.… filters
        Map<String, Object> contactBody = new HashMap<>(Map.of("lead_id", acme, "name", "Bob"));
        contactBody.putAll(values(contactField, "Red", tenant.userId()));
        contactBody.put("custom." + contactField.get("contact"), ann);
        contactBody.put("custom." + contactField.get("object"), truck);
        String bob = call(tenant, r -> r.body(contactBody).post("/contact/")).statusCode(200).extract().path("id");
        call(tenant, r -> r.body(Map.of("custom." + contactField.get("contact"), bob,
                        "custom." + contactField.get("number"), 7)).put("/contact/" + ann + "/")).statusCode(200)
                .body(key(contactField, "contact"), equalTo(bob));
        assertEveryValue(call(tenant, r -> r.get("/contact/" + bob + "/")).statusCode(200), contactField, "Red",
                tenant.userId(), ann, truck, List.of("A", "B"));
        call(tenant, r -> r.queryParam("lead_id", acme).get("/contact/")).statusCode(200)
                .body("data.id", containsInAnyOrder(ann, bob));
        call(tenant, r -> r.queryParam("custom." + contactField.get("number") + "__gte", 100).get("/contact/"))
                .statusCode(200).body("data.id", contains(bob));
        call(tenant, r -> r.queryParam("custom." + contactField.get("contact"), bob).get("/contact/"))
                .statusCode(200).body("data.id", contains(ann));
        call(tenant, r -> r.queryParam("_fields", "id,custom.Contact Choice").get("/contact/" + bob + "/"))
                .statusCode(200).body("'custom.Contact Choice'", equalTo("Gold"));

        // opportunities: every value on create, the query language and the custom.… filters
        Map<String, Object> oppBody = new HashMap<>(Map.of("lead_id", acme, "value", 1000));
        oppBody.putAll(values(oppField, "Amber", tenant.userId()));
        oppBody.put("custom." + oppField.get("contact"), bob);
        oppBody.put("custom." + oppField.get("object"), truck);
        String deal = call(tenant, r -> r.body(oppBody).post("/opportunity/")).statusCode(200).extract().path("id");
        String smallDeal = call(tenant, r -> r.body(Map.of("lead_id", globex, "custom." + oppField.get("text"), "Jade",
                "custom." + oppField.get("number"), 3)).post("/opportunity/")).statusCode(200).extract().path("id");
        assertEveryValue(call(tenant, r -> r.get("/opportunity/" + deal + "/")).statusCode(200), oppField, "Amber",
                tenant.userId(), bob, truck, List.of("A", "B"));
        call(tenant, r -> r.queryParam("query", "\"Opp Text\":amber").get("/opportunity/")).statusCode(200)
                .body("data.id", contains(deal)).body("total_results", equalTo(1));
        call(tenant, r -> r.queryParam("query", "custom." + oppField.get("text") + ":jade").get("/opportunity/"))
                .statusCode(200).body("data.id", contains(smallDeal));
        call(tenant, r -> r.queryParam("custom." + oppField.get("number") + "__lt", 100).get("/opportunity/"))
                .statusCode(200).body("data.id", contains(smallDeal));
        call(tenant, r -> r.queryParam("custom." + oppField.get("user"), tenant.userId()).get("/opportunity/"))
                .statusCode(200).body("data.id", contains(deal));
        // a user's name is accepted on input (Close) and stored as the id: crm-core learnt the name from the
        // gateway's membership.activated event, so it may take a moment; a refused PUT writes nothing
        Eventually.await(() -> call(tenant, r -> r.body(Map.of("custom." + oppField.get("user"), "ada admin"))
                .put("/opportunity/" + smallDeal + "/")).extract().statusCode(), status -> status == 200, EVENT_WAIT);
        call(tenant, r -> r.get("/opportunity/" + smallDeal + "/")).statusCode(200)
                .body(key(oppField, "user"), equalTo(tenant.userId()));
        call(tenant, r -> r.body(Map.of("custom." + oppField.get("user"), "Nobody Here"))
                .put("/opportunity/" + smallDeal + "/")).statusCode(400)
                .body("'field-errors'", hasKey("custom." + oppField.get("user")));

        // a custom activity type with a required field: drafts may lack it, publishing (the default) may not
        String demo = call(tenant, r -> r.body(Map.of("name", "Demo")).post("/custom_activity/")).statusCode(201)
                .extract().path("id");
        String outcome = call(tenant, r -> r.body(Map.of("name", "Outcome", "type", "text", "required", true,
                "custom_activity_type_id", demo)).post("/custom_field/activity/")).statusCode(200)
                .body("required", equalTo(true)).extract().path("id");
        // activities-service learns the field from crm-core's custom_fields.activity event
        Eventually.await(() -> call(tenant, r -> r.get("/custom_activity/" + demo + "/")).statusCode(200)
                .extract().jsonPath().<String>getList("fields.id"), ids -> ids.contains(outcome), EVENT_WAIT);
        String draft = call(tenant, r -> r.body(Map.of("lead_id", acme, "custom_activity_type_id", demo,
                "status", "draft")).post("/activity/custom/")).statusCode(200)
                .body("status", equalTo("draft")).body("_type", equalTo("CustomActivity")).extract().path("id");
        call(tenant, r -> r.body(Map.of("status", "published")).put("/activity/custom/" + draft + "/"))
                .statusCode(400).body("'field-errors'", hasKey("custom." + outcome));
        call(tenant, r -> r.body(Map.of("lead_id", acme, "custom_activity_type_id", demo)).post("/activity/custom/"))
                .statusCode(400).body("'field-errors'", hasKey("custom." + outcome));
        call(tenant, r -> r.body(Map.of("status", "published", "custom." + outcome, "Signed"))
                .put("/activity/custom/" + draft + "/")).statusCode(200)
                .body("status", equalTo("published")).body("'custom." + outcome + "'", equalTo("Signed"));
        String published = call(tenant, r -> r.body(Map.of("lead_id", acme, "custom_activity_type_id", demo,
                "custom." + outcome, "Lost")).post("/activity/custom/")).statusCode(200)
                .body("status", equalTo("published")).extract().path("id");
        call(tenant, r -> r.queryParam("lead_id", acme).queryParam("custom_activity_type_id", demo)
                .get("/activity/custom/")).statusCode(200).body("data.id", containsInAnyOrder(draft, published));

        // the events of all of it, under the lead where they concern one, and of the definitions
        // the event log pages by 50 at most: ask for each kind of the lead's events on its own
        for (String kind : List.of("lead.created", "lead.updated", "contact.created", "contact.updated",
                "custom_object.created", "opportunity.created", "activity.custom_activity.created",
                "activity.custom_activity.updated")) {
            String objectType = kind.substring(0, kind.lastIndexOf('.'));
            String action = kind.substring(kind.lastIndexOf('.') + 1);
            Eventually.await(() -> call(tenant, r -> r.queryParam("lead_id", acme).queryParam("object_type", objectType)
                            .queryParam("action", action).get("/event/")).statusCode(200).extract().jsonPath()
                            .getList("data"), found -> !found.isEmpty(), EVENT_WAIT);
        }
        Map<String, Object> leadCreated = call(tenant, r -> r.queryParam("object_id", acme)
                .queryParam("action", "created").get("/event/")).statusCode(200).extract().path("data[0].data");
        assertThat(leadCreated).containsEntry("custom." + leadField.get("text"), "Blue")
                .containsEntry("custom." + leadField.get("hidden"), "secret");
        Map<String, Integer> expectedDefinitions = Map.of("custom_fields.lead", TYPES.size(),
                "custom_fields.contact", TYPES.size(), "custom_fields.opportunity", TYPES.size(),
                "custom_fields.activity", 1, "custom_fields.custom_object", 1, "custom_object_type", 1,
                "custom_activity_type", 1);
        expectedDefinitions.forEach((objectType, count) -> Eventually.await(() -> call(tenant, r -> r
                        .queryParam("object_type", objectType).queryParam("action", "created").get("/event/"))
                .statusCode(200).extract().jsonPath().getList("data"), found -> found.size() == count, EVENT_WAIT));

        // another organization sees none of it
        for (String owner : List.of("lead", "contact", "opportunity")) {
            call(other, r -> r.get("/custom_field/" + owner + "/")).statusCode(200).body("data", empty());
        }
        call(other, r -> r.get("/custom_field/lead/" + leadField.get("user") + "/")).statusCode(404);
        call(other, r -> r.get("/custom_field/contact/" + contactField.get("object") + "/")).statusCode(404);
        call(other, r -> r.get("/custom_field/opportunity/" + oppField.get("choices") + "/")).statusCode(404);
        call(other, r -> r.get("/custom_field/activity/" + outcome + "/")).statusCode(404);
        call(other, r -> r.get("/custom_field/custom_object_type/" + plate + "/")).statusCode(404);
        call(other, r -> r.get("/custom_object_type/" + vehicle + "/")).statusCode(404);
        call(other, r -> r.get("/custom_object/" + truck + "/")).statusCode(404);
        call(other, r -> r.get("/custom_activity/" + demo + "/")).statusCode(404);
        call(other, r -> r.get("/activity/custom/" + published + "/")).statusCode(404);
        call(other, r -> r.get("/custom_field_schema/custom_object/" + vehicle + "/")).statusCode(404);
        call(other, r -> r.get("/lead/" + acme + "/")).statusCode(404);
        call(other, r -> r.get("/contact/" + bob + "/")).statusCode(404);
        call(other, r -> r.get("/opportunity/" + deal + "/")).statusCode(404);
        call(other, r -> r.queryParam("custom." + leadField.get("number") + "__gte", 0).get("/lead/")).statusCode(200)
                .body("data", empty());
        call(other, r -> r.queryParam("query", "\"Lead Text\":blue").get("/lead/")).statusCode(200)
                .body("data", empty());
        call(other, r -> r.queryParam("query", "\"Opp Text\":amber").get("/opportunity/")).statusCode(200)
                .body("data", empty());
        call(other, r -> r.queryParam("lead_id", acme).get("/custom_object/")).statusCode(200).body("data", empty());
        call(other, r -> r.queryParam("lead_id", acme).get("/activity/")).statusCode(200).body("data", empty());
        call(other, r -> r.body(Map.of("name", "Theirs", "custom." + leadField.get("text"), "x")).post("/lead/"))
                .statusCode(400).body("'field-errors'", hasKey("custom." + leadField.get("text")));
        call(other, r -> r.body(Map.of("lead_id", acme, "custom_activity_type_id", demo, "status", "draft"))
                .post("/activity/custom/")).statusCode(400);
        call(other, r -> r.queryParam("lead_id", acme).get("/event/")).statusCode(200).body("data", empty());
        for (String objectType : expectedDefinitions.keySet()) {
            call(other, r -> r.queryParam("object_type", objectType).queryParam("action", "created").get("/event/"))
                    .statusCode(200)
                    .body("data", empty());
        }
        call(other, r -> r.get("/custom_field/activity/")).statusCode(200).body("data.id", not(hasItem(outcome)));
    }

    /** One field of every type on {@code owner}, named "{prefix} {Type}"; answers the field ids by type key. */
    private static Map<String, String> defineEveryType(Tenant tenant, String owner, String prefix, String vehicle) {
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put("text", Map.of("type", "text"));
        bodies.put("textarea", Map.of("type", "textarea"));
        bodies.put("number", Map.of("type", "number"));
        bodies.put("date", Map.of("type", "date"));
        bodies.put("datetime", Map.of("type", "datetime"));
        bodies.put("choice", Map.of("type", "choices", "choices", List.of("Gold", "Silver")));
        bodies.put("choices", Map.of("type", "choices", "choices", List.of("A", "B", "C"),
                "accepts_multiple_values", true));
        bodies.put("user", Map.of("type", "user"));
        bodies.put("contact", Map.of("type", "contact"));
        bodies.put("hidden", Map.of("type", "hidden"));
        bodies.put("object", Map.of("type", "custom_object", "referenced_custom_type_id", vehicle));
        Map<String, String> ids = new LinkedHashMap<>();
        bodies.forEach((key, definition) -> {
            Map<String, Object> body = new HashMap<>(definition);
            body.put("name", prefix + " " + Character.toUpperCase(key.charAt(0)) + key.substring(1));
            ids.put(key, call(tenant, r -> r.body(body).post("/custom_field/" + owner + "/")).statusCode(200)
                    .body("type", equalTo(definition.get("type"))).extract().path("id"));
        });
        return ids;
    }

    /** The values as a client sends them: loosely (a numeric string, a Z offset); contact and object left out. */
    private static Map<String, Object> values(Map<String, String> field, String text, String userId) {
        Map<String, Object> values = new HashMap<>();
        values.put("custom." + field.get("text"), text);
        values.put("custom." + field.get("textarea"), "first line\nsecond line");
        values.put("custom." + field.get("number"), "250");
        values.put("custom." + field.get("date"), "2024-05-01");
        values.put("custom." + field.get("datetime"), "2024-05-01T10:30:00Z");
        values.put("custom." + field.get("choice"), "Gold");
        values.put("custom." + field.get("choices"), List.of("A", "B", "A"));
        values.put("custom." + field.get("user"), userId);
        values.put("custom." + field.get("hidden"), "secret");
        return values;
    }

    private static void assertEveryValue(ValidatableResponse read, Map<String, String> field, String text,
                                         String userId, String contact, String object, List<String> choices) {
        read.body(key(field, "text"), equalTo(text))
                .body(key(field, "textarea"), equalTo("first line\nsecond line"))
                .body(key(field, "number"), equalTo(250))
                .body(key(field, "date"), equalTo("2024-05-01"))
                .body(key(field, "datetime"), equalTo("2024-05-01T10:30:00+00:00"))
                .body(key(field, "choice"), equalTo("Gold"))
                .body(key(field, "choices"), equalTo(choices))
                .body(key(field, "user"), equalTo(userId))
                .body(key(field, "contact"), equalTo(contact))
                .body(key(field, "hidden"), equalTo("secret"))
                .body(key(field, "object"), equalTo(object));
    }

    private static String key(Map<String, String> field, String type) {
        return "'custom." + field.get(type) + "'";
    }

    private static void assertLeads(Tenant tenant, Map<String, String> params, String... leadIds) {
        call(tenant, r -> r.queryParams(params).queryParam("_fields", "id").get("/lead/")).statusCode(200)
                .body("data.id", containsInAnyOrder((Object[]) leadIds));
    }

    /** The request, sent again while the per-key rate limit answers 429. */
    private static ValidatableResponse call(Tenant tenant, Function<RequestSpecification, Response> request) {
        return Eventually.await(() -> request.apply(tenant.api()), response -> response.statusCode() != 429,
                THROTTLE_WAIT).then();
    }
}
