package io.leadline.gateway.identity;

import io.leadline.gateway.support.FakeUpstreamResource;
import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** {@code GET /organization/{id}/} embeds the lead statuses and pipelines that crm-core owns. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OrganizationConfigurationTest {

    @Test
    void embedsTheCallersLeadStatusesAndPipelinesFromCrmCore() {
        Tenant tenant = Tenants.create("Configured Org");

        tenant.api().get("/api/v1/organization/" + tenant.organizationId() + "/").then().statusCode(200)
                .body("name", equalTo("Configured Org"))
                .body("memberships", hasSize(1))
                .body("lead_statuses.label", contains("Potential of " + tenant.organizationId(), "Won"))
                .body("pipelines.name", contains("Sales"))
                .body("pipelines[0].organization_id", equalTo(tenant.organizationId()))
                .body("pipelines[0].statuses[0].type", equalTo("active"));
        tenant.api().queryParam("_fields", "id,lead_statuses").get("/api/v1/organization/" + tenant.organizationId())
                .then().statusCode(200).body("$", aMapWithSize(2));
    }

    @Test
    void anAdminReordersTheLeadStatusesThroughCrmCoreAndTheDetailsShowTheNewOrder() {
        Tenant admin = Tenants.create("Reordered Org");
        Tenant user = Tenants.member(admin, "Not", "Admin", "user");
        Tenant other = Tenants.create("Unordered Org");
        String path = "/api/v1/organization/" + admin.organizationId() + "/";

        admin.api().contentType("application/json").body(Map.of("name", "Renamed Org", "lead_statuses",
                        List.of(Map.of("id", FakeUpstreamResource.WON, "label", "Won"),
                                Map.of("id", FakeUpstreamResource.POTENTIAL))))
                .put(path).then().statusCode(200)
                .body("name", equalTo("Renamed Org"))
                .body("lead_statuses.id", contains(FakeUpstreamResource.WON, FakeUpstreamResource.POTENTIAL));
        admin.api().get(path).then().body("lead_statuses.label",
                contains("Won", "Potential of " + admin.organizationId()));
        other.api().get("/api/v1/organization/" + other.organizationId() + "/").then()
                .body("lead_statuses.id", contains(FakeUpstreamResource.POTENTIAL, FakeUpstreamResource.WON));

        // a list crm-core refuses is a 400 and changes nothing, the name included
        admin.api().contentType("application/json").body(Map.of("name", "Half Done", "lead_statuses",
                        List.of(FakeUpstreamResource.POTENTIAL)))
                .put(path).then().statusCode(400).body("field-errors.lead_statuses", notNullValue());
        admin.api().contentType("application/json").body(Map.of("lead_statuses", List.of(Map.of("label", "x"))))
                .put(path).then().statusCode(400).body("field-errors.lead_statuses", notNullValue());
        admin.api().contentType("application/json").body(Map.of("lead_statuses", "stat_won"))
                .put(path).then().statusCode(400);
        user.api().contentType("application/json").body(Map.of("lead_statuses",
                        List.of(FakeUpstreamResource.POTENTIAL, FakeUpstreamResource.WON)))
                .put(path).then().statusCode(403);
        other.api().contentType("application/json").body(Map.of("lead_statuses",
                        List.of(FakeUpstreamResource.POTENTIAL, FakeUpstreamResource.WON)))
                .put(path).then().statusCode(404);
        admin.api().get(path).then().body("name", equalTo("Renamed Org"))
                .body("lead_statuses.id", contains(FakeUpstreamResource.WON, FakeUpstreamResource.POTENTIAL));
    }

    @Test
    void answersACloseShaped503WhenCrmCoreFails() throws Exception {
        Tenant tenant = Tenants.create("Unlucky Org");
        setConfigurationFailure(true);
        try {
            tenant.api().get("/api/v1/organization/" + tenant.organizationId() + "/").then().statusCode(503)
                    .body("error", equalTo("The organization's configuration is temporarily unavailable."));
        } finally {
            setConfigurationFailure(false);
        }
        tenant.api().get("/api/v1/organization/" + tenant.organizationId() + "/").then().statusCode(200);
    }

    private static void setConfigurationFailure(boolean on) throws Exception {
        String crmCore = ConfigProvider.getConfig().getValue("leadline.gateway.upstream.crm-core", String.class);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(crmCore + FakeUpstreamResource.CONFIGURATION_FAILURE_PATH + "?" + (on ? "on" : "off")))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
