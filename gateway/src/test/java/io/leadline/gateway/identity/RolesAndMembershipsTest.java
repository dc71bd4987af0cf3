package io.leadline.gateway.identity;

import io.leadline.gateway.support.GatewayTestProfile;
import io.restassured.specification.RequestSpecification;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** {@code /role/} and {@code PUT /membership/{id}/}: who may do what, and that a change counts on the next request. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RolesAndMembershipsTest {

    @Test
    void builtInRolesAreListedAndReadOnly() {
        Tenant admin = Tenants.create("Roles Org");
        admin.api().get("/api/v1/role/").then().statusCode(200)
                .body("data.id", contains("admin", "superuser", "user", "restricteduser"))
                .body("data.editable", contains(false, false, false, false))
                .body("data[0].permissions", hasItem("manage_organization"))
                .body("data[3].visibility_user_lcf_behavior", equalTo("require_assignment"))
                .body("has_more", equalTo(false));
        admin.api().get("/api/v1/role/user/").then().statusCode(200).body("name", equalTo("User"));
        admin.api().contentType("application/json").body(Map.of("name", "Boss")).put("/api/v1/role/admin/")
                .then().statusCode(400).body("error", notNullValue());
        admin.api().delete("/api/v1/role/user/").then().statusCode(400).body("error", notNullValue());
    }

    @Test
    void anAdminCreatesChangesAndDeletesACustomRole() {
        Tenant admin = Tenants.create("Custom Roles");
        String id = admin.api().contentType("application/json").body(Map.of("name", "Account Manager",
                        "permissions", List.of("export", "bulk_edit"), "visibility_user_lcf_ids", List.of("cf_abc123"),
                        "visibility_user_lcf_behavior", "allow_unassigned"))
                .post("/api/v1/role/").then().statusCode(201)
                .body("id", startsWith("role_"))
                .body("editable", equalTo(true))
                .body("permissions", contains("bulk_edit", "export"))
                .body("visibility_user_lcf_ids", contains("cf_abc123"))
                .body("visibility_user_lcf_behavior", equalTo("allow_unassigned"))
                .extract().path("id");
        String path = "/api/v1/role/" + id + "/";
        admin.api().contentType("application/json").body(Map.of("name", "Closer", "permissions",
                        List.of("view_all_leads"), "visibility_user_lcf_ids", List.of()))
                .put(path).then().statusCode(200)
                .body("name", equalTo("Closer"))
                .body("permissions", contains("view_all_leads"))
                .body("visibility_user_lcf_ids", nullValue())
                .body("visibility_user_lcf_behavior", nullValue());
        admin.api().get("/api/v1/role/").then().body("data.id", hasItem(id));
        admin.api().delete(path).then().statusCode(200);
        admin.api().get(path).then().statusCode(404);
        admin.api().get("/api/v1/role/").then().body("data.id", not(hasItem(id)));
    }

    @Test
    void badRolesAre400AndOnlyAdminsWriteAndOtherOrganizationsSee404() {
        Tenant admin = Tenants.create("Strict Roles");
        Tenant user = Tenants.member(admin, "Plain", "User", "user");
        Tenant other = Tenants.create("Other Roles");
        String id = admin.api().contentType("application/json").body(Map.of("name", "Setter"))
                .post("/api/v1/role/").then().statusCode(201).extract().path("id");
        String path = "/api/v1/role/" + id + "/";

        admin.api().contentType("application/json").body(Map.of("name", "setter")).post("/api/v1/role/")
                .then().statusCode(400).body("field-errors.name", notNullValue());
        admin.api().contentType("application/json").body(Map.of("name", "Admin")).post("/api/v1/role/")
                .then().statusCode(400).body("field-errors.name", notNullValue());
        admin.api().contentType("application/json").body(Map.of("permissions", List.of("export")))
                .post("/api/v1/role/").then().statusCode(400).body("field-errors.name", notNullValue());
        admin.api().contentType("application/json").body(Map.of("name", "X", "permissions", List.of("fly")))
                .post("/api/v1/role/").then().statusCode(400).body("field-errors.permissions", notNullValue());
        admin.api().contentType("application/json").body(Map.of("name", "Y", "permissions",
                        List.of("view_all_leads"), "visibility_user_lcf_ids", List.of("cf_x")))
                .post("/api/v1/role/").then().statusCode(400)
                .body("field-errors.visibility_user_lcf_ids", notNullValue());
        admin.api().contentType("application/json").body(Map.of("visibility_user_lcf_behavior", "sometimes"))
                .put(path).then().statusCode(400);
        user.api().contentType("application/json").body(Map.of("name", "Mine")).post("/api/v1/role/")
                .then().statusCode(403).body("error", notNullValue());
        user.api().delete(path).then().statusCode(403);
        user.api().get(path).then().statusCode(200);
        other.api().get(path).then().statusCode(404);
        other.api().contentType("application/json").body(Map.of("name", "Hijack")).put(path).then().statusCode(404);
        other.api().delete(path).then().statusCode(404);
        admin.api().get(path).then().body("name", equalTo("Setter"));
    }

    @Test
    void aRoleChangeCountsOnTheVeryNextRequestAndARoleInUseStays() {
        Tenant admin = Tenants.create("Promotions");
        Tenant member = Tenants.member(admin, "Rising", "Star", "user");
        Tenant other = Tenants.create("Elsewhere");
        String membershipId = member.api().get("/api/v1/me/").then().extract().path("memberships[0].id");
        String membershipPath = "/api/v1/membership/" + membershipId + "/";
        member.api().contentType("application/json").body(Map.of("name", "Try")).post("/api/v1/role/")
                .then().statusCode(403);

        admin.api().contentType("application/json").body(Map.of("role_id", "admin", "auto_record_calls", "enabled"))
                .put(membershipPath).then().statusCode(200)
                .body("role_id", equalTo("admin")).body("auto_record_calls", equalTo("enabled"));
        String roleId = member.api().contentType("application/json").body(Map.of("name", "Promoted"))
                .post("/api/v1/role/").then().statusCode(201).extract().path("id");

        admin.api().contentType("application/json").body(Map.of("role_id", roleId)).put(membershipPath)
                .then().statusCode(200).body("role_id", equalTo(roleId));
        member.api().contentType("application/json").body(Map.of("name", "Again")).post("/api/v1/role/")
                .then().statusCode(403);
        member.api().get("/api/v1/me/").then().body("memberships[0].role_id", equalTo(roleId));
        admin.api().delete("/api/v1/role/" + roleId + "/").then().statusCode(400).body("error", notNullValue());

        admin.api().contentType("application/json").body(Map.of("role_id", "role_unknown")).put(membershipPath)
                .then().statusCode(400).body("field-errors.role_id", notNullValue());
        admin.api().contentType("application/json").body(Map.of("auto_record_calls", "sometimes"))
                .put(membershipPath).then().statusCode(400).body("field-errors.auto_record_calls", notNullValue());
        member.api().contentType("application/json").body(Map.of("role_id", "admin")).put(membershipPath)
                .then().statusCode(403);
        other.api().contentType("application/json").body(Map.of("role_id", "user")).put(membershipPath)
                .then().statusCode(404);
        String adminMembership = admin.api().get("/api/v1/me/").then().extract().path("memberships[0].id");
        admin.api().contentType("application/json").body(Map.of("role_id", "user"))
                .put("/api/v1/membership/" + adminMembership + "/").then().statusCode(400)
                .body("field-errors.role_id", notNullValue());
        member.api().get("/api/v1/me/").then().body("memberships[0].role_id", equalTo(roleId))
                .body("memberships[0].auto_record_calls", equalTo("enabled"));
    }

    @Test
    void theOperatorIssuesListsAndRevokesAMembersKeys() {
        Tenant admin = Tenants.create("Key Ring");
        Tenant member = Tenants.member(admin, "Key", "Holder", "user");
        Tenant other = Tenants.create("Other Ring");
        String membershipId = member.api().get("/api/v1/me/").then().extract().path("memberships[0].id");
        String keys = "/admin/v1/organizations/" + admin.organizationId() + "/memberships/" + membershipId
                + "/api-keys";

        String secret = operator().post(keys).then().statusCode(201)
                .body("id", startsWith("api_")).body("user_id", equalTo(member.userId()))
                .extract().path("api_key");
        String keyId = secret.substring(0, secret.indexOf('.'));
        given().header("Authorization", Tenants.basic(secret)).get("/api/v1/me/").then().statusCode(200)
                .body("id", equalTo(member.userId()));
        operator().get(keys).then().statusCode(200)
                .body("data.id", hasItem(keyId))
                .body("data.api_key", contains(nullValue(), nullValue()))
                .body("data.key_hash", contains(nullValue(), nullValue()));

        operator().delete(keys + "/" + keyId).then().statusCode(204);
        given().header("Authorization", Tenants.basic(secret)).get("/api/v1/me/").then().statusCode(401);
        member.api().get("/api/v1/me/").then().statusCode(200);
        operator().delete(keys + "/" + keyId).then().statusCode(404);
        operator().get("/admin/v1/organizations/" + other.organizationId() + "/memberships/" + membershipId
                + "/api-keys").then().statusCode(404);
        given().post(keys).then().statusCode(401);
    }

    private static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + GatewayTestProfile.OPERATOR_TOKEN);
    }
}
