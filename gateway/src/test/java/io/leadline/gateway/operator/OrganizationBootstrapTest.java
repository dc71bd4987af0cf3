package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.gateway.support.FakeUpstreamResource;
import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.leadline.platform.testing.InternalTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OrganizationBootstrapTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void createsAnOrganizationWithAnAdminAndAKeyThatWorks() throws Exception {
        String email = "grace-" + System.nanoTime() + "@example.com";
        var created = Tenants.bootstrap(Map.of("name", "Acme Corp",
                        "user", Map.of("email", email, "first_name", "Grace", "last_name", "Hopper")))
                .then().statusCode(201)
                .body("organization.id", matchesPattern("orga_[0-9A-Za-z]{43}"))
                .body("organization.name", equalTo("Acme Corp"))
                .body("organization.currency", equalTo("USD"))
                .body("user.id", matchesPattern("user_[0-9A-Za-z]{43}"))
                .body("user.email", equalTo(email))
                .body("user.first_name", equalTo("Grace"))
                .body("user.last_name", equalTo("Hopper"))
                .body("api_key", matchesPattern("api_[0-9A-Za-z]{22}\\.[0-9A-Za-z]{22}"))
                .extract();
        String organizationId = created.path("organization.id");
        String userId = created.path("user.id");

        given().header("Authorization", Tenants.basic(created.path("api_key")))
                .get("/api/v1/me/")
                .then().statusCode(200)
                .body("id", equalTo(userId))
                .body("organizations[0].id", equalTo(organizationId))
                .body("memberships[0].role_id", equalTo("admin"));

        JsonNode provisioning = provisionCallFor(organizationId);
        JsonWebToken token = InternalTokens.verify(provisioning.get("authorization").asText().substring("Bearer ".length()));
        assertEquals(userId, token.getSubject());
        assertEquals(organizationId, token.getClaim("org_id"));
        assertEquals("admin", token.getClaim("role"));
        assertEquals("Grace Hopper", token.getClaim("name"));

        List<String> events = awaitEventsAbout(organizationId, 2);
        assertTrue(events.stream().anyMatch(event -> event.contains("\"object_type\":\"organization\"")
                && event.contains("\"action\":\"created\"")), events.toString());
        assertTrue(events.stream().anyMatch(event -> event.contains("\"object_type\":\"membership\"")
                && event.contains("\"action\":\"activated\"")), events.toString());
    }

    @Test
    void reusesTheUserWhenTheEmailIsAlreadyKnown() {
        Tenant first = Tenants.create("First Org");
        var second = Tenants.bootstrap(Map.of("name", "Second Org",
                        "user", Map.of("email", first.email().toUpperCase(), "first_name", "Ada")))
                .then().statusCode(201).extract();
        assertEquals(first.userId(), second.path("user.id"));

        given().header("Authorization", Tenants.basic(second.path("api_key")))
                .get("/api/v1/me/")
                .then().statusCode(200)
                .body("organizations", hasSize(2))
                .body("memberships", hasSize(2));
    }

    @Test
    void refusesAMissingOrWrongOperatorToken() {
        Map<String, Object> body = Map.of("name", "X", "user", Map.of("email", "x@example.com"));
        given().contentType("application/json").body(body).post("/admin/v1/organizations")
                .then().statusCode(401).body("error", notNullValue());
        given().header("Authorization", "Bearer not-the-operator").contentType("application/json").body(body)
                .post("/admin/v1/organizations")
                .then().statusCode(401).body("error", notNullValue());
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        Tenants.bootstrap(Map.of("user", Map.of("email", "not-an-email", "first_name", 7)))
                .then().statusCode(400)
                .body("'field-errors'.name", equalTo("This field is required."))
                .body("'field-errors'.'user.email'", equalTo("Enter a valid email address."))
                .body("'field-errors'.'user.first_name'", equalTo("Not a valid string."));
        Tenants.bootstrap(Map.of("name", "No user"))
                .then().statusCode(400)
                .body("'field-errors'.user", equalTo("This field is required."));
        Tenants.bootstrap(Map.of("name", "No email", "user", Map.of("first_name", "A")))
                .then().statusCode(400)
                .body("'field-errors'.'user.email'", equalTo("This field is required."));
        Tenants.bootstrap(List.of("not", "an", "object"))
                .then().statusCode(400).body("errors", hasSize(1));
    }

    @Test
    void keepsTheOrganizationAndItsKeyWhenCrmCoreCannotProvisionIt() {
        var answer = Tenants.bootstrap(Map.of("name", "Org " + FakeUpstreamResource.FAIL_PROVISIONING,
                        "user", Map.of("email", "retry-" + System.nanoTime() + "@example.com")))
                .then().statusCode(503)
                .body("error", notNullValue())
                .body("api_key", notNullValue())
                .extract();
        String organizationId = answer.path("organization.id");

        given().header("Authorization", Tenants.basic(answer.path("api_key")))
                .get("/api/v1/organization/" + organizationId + "/")
                .then().statusCode(200).body("id", equalTo(organizationId));

        // the documented retry path reaches crm-core again (which, in this fake, keeps failing for this name)
        int callsBefore = provisionCalls().size();
        given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN)
                .post("/admin/v1/organizations/" + organizationId + "/provision")
                .then().statusCode(503).body("organization.id", equalTo(organizationId));
        assertEquals(callsBefore + 1, provisionCalls().size());
    }

    @Test
    void reprovisioningAnUnknownOrganizationIsNotFound() {
        given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN)
                .post("/admin/v1/organizations/orga_doesnotexist/provision")
                .then().statusCode(404).body("error", notNullValue());
    }

    private static JsonNode provisionCallFor(String organizationId) throws Exception {
        for (JsonNode call : provisionCalls()) {
            if (JSON.readTree(call.get("body").asText()).path("organization_id").asText().equals(organizationId)) {
                return call;
            }
        }
        throw new AssertionError("crm-core was not asked to provision " + organizationId);
    }

    private static List<JsonNode> provisionCalls() {
        String crmCore = ConfigProvider.getConfig().getValue("leadline.gateway.upstream.crm-core", String.class);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(crmCore + FakeUpstreamResource.PROVISION_CALLS_PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> calls = new ArrayList<>();
            JSON.readTree(response.body()).forEach(calls::add);
            return calls;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> awaitEventsAbout(String organizationId, int expected) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> eventsAbout(organizationId), events -> events.size() >= expected);
    }

    private List<String> eventsAbout(String organizationId) {
        return connector.sink("domain-events").received().stream()
                .map(message -> String.valueOf(message.getPayload()))
                .filter(payload -> payload.contains(organizationId))
                .toList();
    }
}
