package io.leadline.core.leadstatus;

import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The gateway reorders an organization's lead statuses through {@code PUT /internal/v1/lead-status-order}. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class LeadStatusOrderTest {

    private static final String PATH = "/internal/v1/lead-status-order";

    @Test
    void anAdminReordersEveryStatusAndTheFirstBecomesTheDefault() {
        TestOrganizations org = TestOrganizations.provisioned();
        List<String> ids = org.request().get("/api/v1/status/lead/").then().statusCode(200)
                .extract().path("data.id");
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);

        org.request().body(Map.of("ids", reversed)).put(PATH).then().statusCode(200)
                .body("lead_statuses.label", contains("Customer", "Qualified", "Bad Fit", "Potential"));
        org.request().get("/api/v1/status/lead/").then().body("data.id", contains(reversed.toArray()));
        org.request().get("/internal/v1/organization-configuration").then()
                .body("lead_statuses.label", contains("Customer", "Qualified", "Bad Fit", "Potential"));
        org.request().body(Map.of("name", "Ordered Lead")).post("/api/v1/lead/").then()
                .body("status_label", equalTo("Customer"));
    }

    @Test
    void aPartialForeignOrRepeatedListIs400AndNonAdminsAre403() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        List<String> ids = org.request().get("/api/v1/status/lead/").then().extract().path("data.id");
        String foreign = other.request().get("/api/v1/status/lead/").then().extract().path("data[0].id");

        org.request().body(Map.of("ids", ids.subList(1, ids.size()))).put(PATH).then().statusCode(400)
                .body("field-errors.lead_statuses", notNullValue());
        List<String> withForeign = new ArrayList<>(ids.subList(1, ids.size()));
        withForeign.add(foreign);
        org.request().body(Map.of("ids", withForeign)).put(PATH).then().statusCode(400);
        List<String> repeated = new ArrayList<>(ids.subList(1, ids.size()));
        repeated.add(ids.get(1));
        org.request().body(Map.of("ids", repeated)).put(PATH).then().statusCode(400);
        org.request().body(Map.of("ids", "nope")).put(PATH).then().statusCode(400);
        org.requestAs("user").body(Map.of("ids", ids)).put(PATH).then().statusCode(403);
        org.request().get("/api/v1/status/lead/").then().body("data.id", contains(ids.toArray()));
    }
}
