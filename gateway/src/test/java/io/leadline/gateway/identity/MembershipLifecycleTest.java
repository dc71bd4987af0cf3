package io.leadline.gateway.identity;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.OAuthDriver;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Bulk {@code PUT /membership/}, deactivation and reactivation, pinned views and {@code /user/availability/}. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class MembershipLifecycleTest {

    @Test
    void aBulkUpdateChangesEveryNamedMembershipOrNone() {
        Tenant admin = Tenants.create("Bulk Org");
        Tenant first = Tenants.member(admin, "First", "Seller", "user");
        Tenant second = Tenants.member(admin, "Second", "Seller", "user");
        Tenant other = Tenants.create("Bulk Elsewhere");
        String firstId = membershipId(first);
        String secondId = membershipId(second);

        admin.api().contentType("application/json").body(Map.of("_params", Map.of("id__in", firstId + "," + secondId),
                "role_id", "superuser", "auto_record_calls", "disabled"))
                .put("/api/v1/membership/").then().statusCode(200);
        first.api().get("/api/v1/me/").then().body("memberships[0].role_id", equalTo("superuser"))
                .body("memberships[0].auto_record_calls", equalTo("disabled"));
        second.api().get("/api/v1/me/").then().body("memberships[0].role_id", equalTo("superuser"));
        // the ids may come in the query string too
        admin.api().contentType("application/json").queryParam("id__in", firstId).body(Map.of("role_id", "user"))
                .put("/api/v1/membership/").then().statusCode(200);
        first.api().get("/api/v1/me/").then().body("memberships[0].role_id", equalTo("user"));

        // another organization's membership among the ids: 404 and nothing changes
        admin.api().contentType("application/json").body(Map.of("_params",
                        Map.of("id__in", List.of(secondId, membershipId(other))), "role_id", "restricteduser"))
                .put("/api/v1/membership/").then().statusCode(404);
        second.api().get("/api/v1/me/").then().body("memberships[0].role_id", equalTo("superuser"));
        other.api().contentType("application/json").body(Map.of("_params", Map.of("id__in", secondId),
                "role_id", "admin")).put("/api/v1/membership/").then().statusCode(404);

        admin.api().contentType("application/json").body(Map.of("_params", Map.of("id__in", secondId),
                "role_id", "role_nope")).put("/api/v1/membership/").then().statusCode(400)
                .body("field-errors.role_id", notNullValue());
        admin.api().contentType("application/json").body(Map.of("role_id", "user")).put("/api/v1/membership/")
                .then().statusCode(400).body("field-errors.id__in", notNullValue());
        admin.api().contentType("application/json").body(Map.of("_params", "id__in", "role_id", "user"))
                .put("/api/v1/membership/").then().statusCode(400);
        // the organization keeps an admin
        admin.api().contentType("application/json").body(Map.of("_params",
                        Map.of("id__in", membershipId(admin) + "," + firstId), "role_id", "user"))
                .put("/api/v1/membership/").then().statusCode(400).body("field-errors.role_id", notNullValue());
        second.api().contentType("application/json").body(Map.of("_params", Map.of("id__in", secondId),
                "role_id", "admin")).put("/api/v1/membership/").then().statusCode(403);
        second.api().get("/api/v1/me/").then().body("memberships[0].role_id", equalTo("superuser"));
        admin.api().get("/api/v1/me/").then().body("memberships[0].role_id", equalTo("admin"));
    }

    @Test
    void aDeactivatedMembersKeysAndTokensStopAtOnceAndReactivationStartsClean() {
        Tenant admin = Tenants.create("Leavers Org");
        Tenant member = Tenants.member(admin, "Soon", "Gone", "user");
        Tenant other = Tenants.create("Leavers Elsewhere");
        OAuthDriver.setPassword(member);
        OAuthDriver.Client client = OAuthDriver.operatorClient(false);
        String accessToken = OAuthDriver.redeem(client,
                        OAuthDriver.code(member, client, OAuthDriver.request(client, null, null)), null)
                .then().statusCode(200).extract().path("access_token");
        member.api().get("/api/v1/me/").then().statusCode(200); // the key is now cached
        given().header("Authorization", "Bearer " + accessToken).get("/api/v1/me/").then().statusCode(200);
        String memberMembershipId = membershipId(member);
        String path = "/api/v1/membership/" + memberMembershipId + "/";

        member.api().delete(path).then().statusCode(403);
        other.api().delete(path).then().statusCode(404);
        admin.api().delete("/api/v1/membership/" + membershipId(admin) + "/").then().statusCode(400)
                .body("error", notNullValue());
        admin.api().delete(path).then().statusCode(200);

        member.api().get("/api/v1/me/").then().statusCode(401);
        given().header("Authorization", "Bearer " + accessToken).get("/api/v1/me/").then().statusCode(401);
        admin.api().get("/api/v1/organization/" + admin.organizationId() + "/").then().statusCode(200)
                .body("memberships.user_id", contains(admin.userId()))
                .body("inactive_memberships.user_id", contains(member.userId()))
                .body("inactive_memberships[0].user_first_name", equalTo("Soon"));
        admin.api().get("/api/v1/user/").then().body("data.id", not(hasItem(member.userId())));
        admin.api().delete(path).then().statusCode(404);
        admin.api().contentType("application/json").body(Map.of("role_id", "admin")).put(path).then().statusCode(404);

        // adding the person again brings the same membership back, with none of the old credentials
        String newKey = Tenants.addMember(admin.organizationId(), Map.of("user", Map.of("email", member.email(),
                        "first_name", "Soon", "last_name", "Gone"), "role_id", "superuser"))
                .then().statusCode(201)
                .body("membership.id", equalTo(memberMembershipId))
                .extract().path("api_key");
        member.api().get("/api/v1/me/").then().statusCode(401);
        given().header("Authorization", "Bearer " + accessToken).get("/api/v1/me/").then().statusCode(401);
        given().header("Authorization", Tenants.basic(newKey)).get("/api/v1/me/").then().statusCode(200)
                .body("memberships[0].role_id", equalTo("superuser"));
        admin.api().get("/api/v1/organization/" + admin.organizationId() + "/").then()
                .body("memberships.user_id", containsInAnyOrder(admin.userId(), member.userId()))
                .body("inactive_memberships", empty());
    }

    @Test
    void membersPinTheirOwnViewsAndAdminsSeeAnyones() {
        Tenant admin = Tenants.create("Pinned Org");
        Tenant member = Tenants.member(admin, "Pin", "Ner", "user");
        Tenant colleague = Tenants.member(admin, "Nosy", "Colleague", "user");
        Tenant other = Tenants.create("Pinned Elsewhere");
        String path = "/api/v1/membership/" + membershipId(member) + "/pinned_views/";
        String first = "save_" + "a".repeat(43);
        String second = "save_" + "b".repeat(43);

        member.api().get(path).then().statusCode(200).body("saved_view_ids", empty());
        member.api().contentType("application/json").body(Map.of("saved_view_ids", List.of(second, first)))
                .put(path).then().statusCode(200).body("saved_view_ids", contains(second, first));
        member.api().get(path).then().statusCode(200).body("saved_view_ids", contains(second, first));
        admin.api().get(path).then().statusCode(200).body("saved_view_ids", contains(second, first));
        admin.api().contentType("application/json").body(Map.of("saved_view_ids", List.of(first)))
                .put(path).then().statusCode(200);

        colleague.api().get(path).then().statusCode(403);
        colleague.api().contentType("application/json").body(Map.of("saved_view_ids", List.of())).put(path)
                .then().statusCode(403);
        other.api().get(path).then().statusCode(404);
        other.api().contentType("application/json").body(Map.of("saved_view_ids", List.of())).put(path)
                .then().statusCode(404);
        member.api().contentType("application/json").body(Map.of("saved_view_ids", List.of("lead_123")))
                .put(path).then().statusCode(400).body("field-errors.saved_view_ids", notNullValue());
        member.api().contentType("application/json").body(Map.of("saved_view_ids", List.of(first, first)))
                .put(path).then().statusCode(400).body("field-errors.saved_view_ids", notNullValue());
        member.api().contentType("application/json").body(Map.of()).put(path).then().statusCode(400)
                .body("field-errors.saved_view_ids", notNullValue());
        member.api().get(path).then().body("saved_view_ids", contains(first));
    }

    @Test
    void availabilityListsTheActiveMembersWithNoCalls() {
        Tenant admin = Tenants.create("Available Org");
        Tenant member = Tenants.member(admin, "Avail", "Able", "user");
        Tenant leaver = Tenants.member(admin, "Left", "Already", "user");
        Tenant other = Tenants.create("Available Elsewhere");
        admin.api().delete("/api/v1/membership/" + membershipId(leaver) + "/").then().statusCode(200);

        member.api().get("/api/v1/user/availability/").then().statusCode(200)
                .body("data.user_id", containsInAnyOrder(admin.userId(), member.userId()))
                .body("data.organization_id", everyItem(equalTo(admin.organizationId())))
                .body("data.status", everyItem(equalTo("offline")))
                .body("data.active_calls", everyItem(empty()));
        member.api().queryParam("organization_id", admin.organizationId()).get("/api/v1/user/availability/")
                .then().statusCode(200);
        member.api().queryParam("organization_id", other.organizationId()).get("/api/v1/user/availability/")
                .then().statusCode(404);
    }

    private static String membershipId(Tenant tenant) {
        return tenant.api().get("/api/v1/me/").then().statusCode(200).extract().path("memberships[0].id");
    }
}
