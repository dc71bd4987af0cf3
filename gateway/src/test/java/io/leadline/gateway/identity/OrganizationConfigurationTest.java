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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
                .body("lead_statuses.label", contains("Potential of " + tenant.organizationId()))
                .body("pipelines.name", contains("Sales"))
                .body("pipelines[0].organization_id", equalTo(tenant.organizationId()))
                .body("pipelines[0].statuses[0].type", equalTo("active"));
        tenant.api().queryParam("_fields", "id,lead_statuses").get("/api/v1/organization/" + tenant.organizationId())
                .then().statusCode(200).body("$", aMapWithSize(2));
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
