package io.leadline.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.platform.testing.EventContracts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway owns the contract of the events it publishes: each fixture under {@code src/test/resources/events/}
 * (shipped to consumers' tests as the gateway's event-contracts artifact) has the shape of what it really sends.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class GatewayEventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void creatingAnOrganizationPublishesEventsShapedLikeTheFixtures() {
        Tenants.Tenant tenant = Tenants.create("Contract Corp");

        JsonNode created = awaitPublished(tenant.organizationId(), "organization.created");
        JsonNode activated = awaitPublished(tenant.organizationId(), "membership.activated");

        assertEquals(List.of(), EventContracts.differences(EventContracts.fixture("organization.created"), created));
        assertEquals(List.of(), EventContracts.differences(EventContracts.fixture("membership.activated"), activated));
        assertEquals(tenant.organizationId(), created.get("object_id").asText());
        assertEquals(tenant.userId(), activated.at("/data/user_id").asText());
    }

    @Test
    void changingAnOrganizationPublishesItsUpdatedEventShapedLikeTheFixture() {
        Tenants.Tenant tenant = Tenants.create("Before Rename");
        tenant.api().contentType("application/json").body(Map.of("name", "After Rename", "currency", "EUR"))
                .put("/api/v1/organization/" + tenant.organizationId() + "/").then().statusCode(200);

        JsonNode updated = awaitPublished(tenant.organizationId(), "organization.updated");

        assertEquals(List.of(), EventContracts.differences(EventContracts.fixture("organization.updated"), updated));
        assertEquals("Before Rename", updated.at("/previous_data/name").asText());
        assertEquals("After Rename", updated.at("/data/name").asText());
    }

    @Test
    void rolesAndMembershipChangesPublishEventsShapedLikeTheFixtures() {
        Tenants.Tenant admin = Tenants.create("Role Events");
        Tenants.Tenant member = Tenants.member(admin, "Role", "Holder", "user");
        String roleId = admin.api().contentType("application/json").body(Map.of("name", "Account Manager",
                        "permissions", List.of("export", "bulk_edit"), "visibility_user_lcf_ids", List.of("cf_abc")))
                .post("/api/v1/role/").then().statusCode(201).extract().path("id");
        String rolePath = "/api/v1/role/" + roleId + "/";
        admin.api().contentType("application/json").body(Map.of("name", "Closer")).put(rolePath)
                .then().statusCode(200);
        String membershipPath = "/api/v1/membership/"
                + member.api().get("/api/v1/me/").then().extract().path("memberships[0].id") + "/";
        admin.api().contentType("application/json").body(Map.of("role_id", roleId, "auto_record_calls", "enabled"))
                .put(membershipPath).then().statusCode(200);
        admin.api().contentType("application/json").body(Map.of("role_id", "user")).put(membershipPath)
                .then().statusCode(200);
        admin.api().delete(rolePath).then().statusCode(200);

        for (String type : List.of("role.created", "role.updated", "role.deleted", "membership.updated")) {
            JsonNode event = awaitPublished(admin.organizationId(), type);
            assertEquals(List.of(), EventContracts.differences(EventContracts.fixture(type), event), type);
        }
        assertEquals("Account Manager", awaitPublished(admin.organizationId(), "role.updated")
                .at("/previous_data/name").asText());
        assertEquals(roleId, awaitPublished(admin.organizationId(), "membership.updated").at("/data/role_id").asText());
    }

    @Test
    void groupsAndDeactivationsPublishEventsShapedLikeTheFixtures() {
        Tenants.Tenant admin = Tenants.create("Group Events");
        Tenants.Tenant member = Tenants.member(admin, "Group", "Joiner", "user");
        String groupPath = "/api/v1/group/" + admin.api().contentType("application/json").body(Map.of("name", "Closers"))
                .post("/api/v1/group/").then().statusCode(201).extract().path("id") + "/";
        admin.api().contentType("application/json").body(Map.of("user_id", member.userId()))
                .post(groupPath + "member/").then().statusCode(201);
        admin.api().delete(groupPath).then().statusCode(204);
        String membershipId = member.api().get("/api/v1/me/").then().extract().path("memberships[0].id");
        admin.api().delete("/api/v1/membership/" + membershipId + "/").then().statusCode(200);

        for (String type : List.of("group.created", "group.updated", "group.deleted", "membership.deactivated")) {
            JsonNode event = awaitPublished(admin.organizationId(), type);
            assertEquals(List.of(), EventContracts.differences(EventContracts.fixture(type), event), type);
        }
        assertEquals(member.userId(), awaitPublished(admin.organizationId(), "group.updated")
                .at("/data/members/0/user_id").asText());
        assertEquals(member.userId(), awaitPublished(admin.organizationId(), "group.deleted")
                .at("/previous_data/members/0/user_id").asText());
        JsonNode deactivated = awaitPublished(admin.organizationId(), "membership.deactivated");
        assertEquals(member.userId(), deactivated.at("/data/user_id").asText());
        assertEquals("Group", deactivated.at("/data/user_first_name").asText());
    }

    private JsonNode awaitPublished(String organizationId, String type) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> connector.sink("domain-events").received().stream()
                .map(message -> read(String.valueOf(message.getPayload())))
                .filter(event -> organizationId.equals(event.path("organization_id").asText()))
                .filter(event -> type.equals(event.path("object_type").asText() + "." + event.path("action").asText()))
                .findFirst().orElse(null), event -> event != null);
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
