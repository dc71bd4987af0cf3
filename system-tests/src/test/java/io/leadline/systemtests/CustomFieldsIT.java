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
}
