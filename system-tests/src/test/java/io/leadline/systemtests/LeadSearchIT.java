package io.leadline.systemtests;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A Close client's first lead search, through the gateway: {@code ?query=} (also sent as a POST with
 * {@code x-http-method-override: GET} and {@code _params}, as clients do for long queries), {@code total_results}, and a syntax error.
 */
class LeadSearchIT {

    @Test
    void searchesLeadsThroughTheGatewayWithinTheTenant() {
        Tenant tenant = Tenant.create("Search Co");
        Tenant other = Tenant.create("Search Rival");
        other.api().body(Map.of("name", "Acme Rival")).post("/lead/").then().statusCode(200);
        tenant.api().body(Map.of("name", "Acme Corp", "contacts",
                List.of(Map.of("name", "Ann", "emails", List.of(Map.of("email", "ann@acme.example"))))))
                .post("/lead/").then().statusCode(200);
        tenant.api().body(Map.of("name", "Globex")).post("/lead/").then().statusCode(200);

        tenant.api().queryParam("query", "acme.example OR name:\"Globex\" sort:name").get("/lead/").then()
                .statusCode(200)
                .body("data.name", contains("Acme Corp", "Globex"))
                .body("total_results", equalTo(2));
        tenant.api().header("X-TZ-Offset", "-5").queryParam("query", "date_created >= yesterday acme")
                .queryParam("_limit", 0).get("/lead/").then().statusCode(200)
                .body("data", empty())
                .body("total_results", equalTo(1));
        tenant.api().header("x-http-method-override", "GET").body(Map.of("_params", Map.of("query", "has:contacts", "_fields", "name")))
                .post("/lead/").then().statusCode(200)
                .body("data.name", contains("Acme Corp"));
        tenant.api().queryParam("query", "name:acme OR )").get("/lead/").then().statusCode(400)
                .body("'field-errors'.query", equalTo("Unexpected \")\" at position 14."));
    }
}
