package io.leadline.gateway.identity;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.leadline.platform.testing.InternalTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Authorization by permissions: the role's permissions travel in the internal JWT, a custom role granting
 * {@code manage_organization} is an admin wherever the gateway checks, and a change to the role counts on the
 * holder's next request even though their key and token are cached.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class PermissionsTest {

    @Test
    void aCustomRoleWithManageOrganizationMayDoAdminWritesAndOneWithoutMayNot() {
        Tenant admin = Tenants.create("Custom Admins");
        String managers = role(admin, "Managers", List.of("manage_organization", "export"));
        String exporters = role(admin, "Exporters", List.of("export", "view_all_leads"));
        Tenant manager = memberWithRole(admin, "Mona", managers);
        Tenant exporter = memberWithRole(admin, "Ezra", exporters);

        manager.api().contentType("application/json").body(Map.of("name", "Managed team"))
                .post("/api/v1/group/").then().statusCode(201);
        manager.api().contentType("application/json").body(Map.of("name", "Renamed by a manager"))
                .put("/api/v1/organization/" + admin.organizationId() + "/").then().statusCode(200)
                .body("name", equalTo("Renamed by a manager"));
        assertEquals(List.of("export", "manage_organization"), permissionsForwardedFor(manager, managers));

        exporter.api().contentType("application/json").body(Map.of("name", "Exported team"))
                .post("/api/v1/group/").then().statusCode(403).body("error", notNullValue());
        exporter.api().contentType("application/json").body(Map.of("name", "Not mine"))
                .put("/api/v1/organization/" + admin.organizationId() + "/").then().statusCode(403)
                .body("error", notNullValue());
        assertEquals(List.of("export", "view_all_leads"), permissionsForwardedFor(exporter, exporters));
    }

    @Test
    void builtInRolesCarryClosesPermissions() {
        Tenant admin = Tenants.create("Built-in Permissions");
        Tenant superuser = Tenants.member(admin, "Sue", "Per", "superuser");
        Tenant user = Tenants.member(admin, "Uma", "Ser", "user");
        Tenant restricted = Tenants.member(admin, "Rex", "Tricted", "restricteduser");

        assertEquals(List.of("bulk_edit", "export", "manage_organization", "view_all_leads"),
                permissionsForwardedFor(admin, "admin"));
        assertEquals(List.of("bulk_edit", "export", "view_all_leads"), permissionsForwardedFor(superuser, "superuser"));
        assertEquals(List.of("view_all_leads"), permissionsForwardedFor(user, "user"));
        assertEquals(List.of(), permissionsForwardedFor(restricted, "restricteduser"));
        superuser.api().contentType("application/json").body(Map.of("name", "Supers"))
                .post("/api/v1/group/").then().statusCode(403);
    }

    @Test
    void changingTheRolesPermissionsCountsOnTheHoldersNextRequest() {
        Tenant admin = Tenants.create("Changing Permissions");
        String role = role(admin, "Rotating", List.of("export"));
        Tenant holder = memberWithRole(admin, "Hal", role);
        String rolePath = "/api/v1/role/" + role + "/";
        // the holder's key and internal token are now cached
        holder.api().contentType("application/json").body(Map.of("name", "Before"))
                .post("/api/v1/group/").then().statusCode(403);
        assertEquals(List.of("export"), permissionsForwardedFor(holder, role));

        admin.api().contentType("application/json").body(Map.of("permissions", List.of("manage_organization")))
                .put(rolePath).then().statusCode(200);
        holder.api().contentType("application/json").body(Map.of("name", "After the grant"))
                .post("/api/v1/group/").then().statusCode(201);
        assertEquals(List.of("manage_organization"), permissionsForwardedFor(holder, role));

        admin.api().contentType("application/json").body(Map.of("permissions", List.of()))
                .put(rolePath).then().statusCode(200);
        holder.api().contentType("application/json").body(Map.of("name", "After the removal"))
                .post("/api/v1/group/").then().statusCode(403);
        assertEquals(List.of(), permissionsForwardedFor(holder, role));
    }

    private static String role(Tenant admin, String name, List<String> permissions) {
        return admin.api().contentType("application/json").body(Map.of("name", name, "permissions", permissions))
                .post("/api/v1/role/").then().statusCode(201).extract().path("id");
    }

    private static Tenant memberWithRole(Tenant admin, String firstName, String roleId) {
        Tenant member = Tenants.member(admin, firstName, "Member", "user");
        String membershipId = member.api().get("/api/v1/me/").then().statusCode(200)
                .extract().path("memberships[0].id");
        admin.api().contentType("application/json").body(Map.of("role_id", roleId))
                .put("/api/v1/membership/" + membershipId + "/").then().statusCode(200);
        return member;
    }

    /** The permissions of the internal JWT a proxied request carried (the test upstream echoes its headers). */
    private static List<String> permissionsForwardedFor(Tenant tenant, String expectedRole) {
        Response proxied = tenant.api().get("/api/v1/lead/");
        proxied.then().statusCode(200);
        JsonWebToken internal = InternalTokens.verify(
                ((String) proxied.path("headers.authorization")).substring("Bearer ".length()));
        assertEquals(expectedRole, internal.getClaim("role"));
        JsonArray permissions = internal.getClaim("permissions");
        return permissions.stream().map(value -> ((JsonString) value).getString()).toList();
    }
}
