package io.leadline.systemtests;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/**
 * A client defining custom fields through the gateway (also on the legacy {@code /custom_fields/} path older clients
 * read), setting typed values on leads, filtering by them, and seeing the definitions' events; another tenant sees
 * none of it.
 */
class CustomFieldsIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Test
    void definesFieldsSetsValuesAndFiltersWithinTheTenant() {
        Tenant tenant = Tenant.create("Fields Co");
        Tenant other = Tenant.create("Fields Rival");

        String seats = tenant.api().body(Map.of("name", "Seats", "type", "number")).post("/custom_field/lead/")
                .then().statusCode(200).extract().path("id");
        String tier = tenant.api().body(Map.of("name", "Tier", "type", "choices", "choices", List.of("Gold", "Silver")))
                .post("/custom_fields/lead/").then().statusCode(200).extract().path("id");
        tenant.api().get("/custom_fields/lead/").then().statusCode(200).body("data.name", contains("Seats", "Tier"));
        tenant.api().get("/custom_field_schema/lead/").then().statusCode(200).body("fields.id", contains(seats, tier));

        tenant.api().body(Map.of("name", "Big", "custom." + seats, "250", "custom." + tier, "Gold")).post("/lead/")
                .then().statusCode(200).body("'custom." + seats + "'", equalTo(250));
        tenant.api().body(Map.of("name", "Small", "custom." + seats, 5)).post("/lead/").then().statusCode(200);
        tenant.api().body(Map.of("name", "Bad", "custom." + tier, "Bronze")).post("/lead/").then().statusCode(400)
                .body("'field-errors'", hasKey("custom." + tier));

        tenant.api().queryParam("custom." + seats + "__gte", 100).get("/lead/").then().statusCode(200)
                .body("data.name", contains("Big"));
        tenant.api().queryParam("custom." + tier, "Gold").get("/lead/").then().statusCode(200)
                .body("data.name", contains("Big"));

        other.api().get("/custom_field/lead/").then().statusCode(200).body("data", empty());
        other.api().get("/custom_field/lead/" + seats + "/").then().statusCode(404);
        other.api().body(Map.of("name", "Theirs", "custom." + seats, 1)).post("/lead/").then().statusCode(400);
        other.api().queryParam("custom." + tier, "Gold").get("/lead/").then().statusCode(200).body("data", empty());

        List<Map<String, Object>> events = Eventually.await(
                () -> tenant.api().queryParam("object_type", "custom_fields.lead").queryParam("action", "created")
                        .get("/event/").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("data"),
                found -> found.size() >= 2, EVENT_WAIT);
        assertThat(events).extracting(event -> event.get("object_id")).containsExactlyInAnyOrder(seats, tier);
        other.api().queryParam("object_type", "custom_fields.lead").queryParam("action", "created").get("/event/")
                .then().statusCode(200).body("data", empty());
    }

    @Test
    void customObjectsLiveOnALeadAndGoWithIt() {
        Tenant tenant = Tenant.create("Objects Co");
        Tenant other = Tenant.create("Objects Rival");

        String vehicle = tenant.api().body(Map.of("name", "Vehicle", "name_plural", "Vehicles"))
                .post("/custom_object_type/").then().statusCode(201).body("fields", empty()).extract().path("id");
        String seats = tenant.api().body(Map.of("name", "Seats", "type", "number", "required", true,
                        "custom_object_type_id", vehicle))
                .post("/custom_field/custom_object_type/").then().statusCode(201).extract().path("id");
        tenant.api().get("/custom_object_type/" + vehicle + "/").then().statusCode(200).body("fields.id", contains(seats));
        tenant.api().get("/custom_field_schema/custom_object/" + vehicle + "/").then().statusCode(200)
                .body("fields.id", contains(seats));

        String lead = tenant.api().body(Map.of("name", "Fleet owner")).post("/lead/").then().statusCode(200)
                .extract().path("id");
        String truck = tenant.api().body(Map.of("custom_object_type_id", vehicle, "lead_id", lead, "name", "Truck",
                        "custom." + seats, 3))
                .post("/custom_object/").then().statusCode(201).body("'custom." + seats + "'", equalTo(3))
                .extract().path("id");
        tenant.api().body(Map.of("custom_object_type_id", vehicle, "lead_id", lead, "name", "No seats"))
                .post("/custom_object/").then().statusCode(400).body("'field-errors'", hasKey("custom." + seats));
        tenant.api().queryParam("lead_id", lead).get("/custom_object/").then().statusCode(200)
                .body("data.id", contains(truck));

        other.api().get("/custom_object/" + truck + "/").then().statusCode(404);
        other.api().get("/custom_object_type/" + vehicle + "/").then().statusCode(404);
        other.api().queryParam("lead_id", lead).get("/custom_object/").then().statusCode(200).body("data", empty());

        tenant.api().delete("/lead/" + lead + "/").then().statusCode(200);
        tenant.api().get("/custom_object/" + truck + "/").then().statusCode(404);

        List<Map<String, Object>> events = Eventually.await(
                () -> tenant.api().queryParam("object_type", "custom_object").queryParam("object_id", truck)
                        .get("/event/").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("data"),
                found -> found.size() >= 2, EVENT_WAIT);
        assertThat(events).extracting(event -> event.get("action")).containsExactly("deleted", "created");
        List<Map<String, Object>> typeEvents = Eventually.await(
                () -> tenant.api().queryParam("object_type", "custom_object_type").queryParam("action", "created")
                        .get("/event/").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("data"),
                found -> !found.isEmpty(), EVENT_WAIT);
        assertThat(typeEvents).extracting(event -> event.get("object_id")).containsExactly(vehicle);
    }
}
