package io.leadline.gateway.identity;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** {@code /group/} and {@code /group/{id}/member/}: admins manage, everyone in the organization reads. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class GroupsTest {

    @Test
    void anAdminCreatesRenamesFillsAndDeletesAGroup() {
        Tenant admin = Tenants.create("Grouped Org");
        Tenant member = Tenants.member(admin, "Group", "Member", "user");
        String id = admin.api().contentType("application/json").body(Map.of("name", "Closers"))
                .post("/api/v1/group/").then().statusCode(201)
                .body("id", startsWith("group_"))
                .body("name", equalTo("Closers"))
                .body("organization_id", equalTo(admin.organizationId()))
                .body("members", empty())
                .extract().path("id");
        String path = "/api/v1/group/" + id + "/";

        admin.api().contentType("application/json").body(Map.of("user_id", member.userId()))
                .post(path + "member/").then().statusCode(201).body("user_id", equalTo(member.userId()));
        admin.api().contentType("application/json").body(Map.of("user_id", admin.userId()))
                .post(path + "member/").then().statusCode(201);
        // adding someone already in the group changes nothing
        admin.api().contentType("application/json").body(Map.of("user_id", member.userId()))
                .post(path + "member/").then().statusCode(201);
        member.api().get(path).then().statusCode(200)
                .body("members.user_id", contains(member.userId(), admin.userId()));

        admin.api().contentType("application/json").body(Map.of("name", "Hunters")).put(path).then().statusCode(200)
                .body("name", equalTo("Hunters")).body("members.user_id", contains(member.userId(), admin.userId()));
        member.api().get("/api/v1/group/").then().statusCode(200)
                .body("data.id", contains(id))
                .body("data[0].name", equalTo("Hunters"))
                .body("data[0]", not(hasKey("members")))
                .body("has_more", equalTo(false));
        member.api().queryParam("_fields", "name,members").get(path).then().statusCode(200)
                .body("$", aMapWithSize(2));

        admin.api().delete(path + "member/" + member.userId() + "/").then().statusCode(204);
        admin.api().delete(path + "member/" + member.userId() + "/").then().statusCode(204);
        admin.api().get(path).then().body("members.user_id", contains(admin.userId()));

        admin.api().delete(path).then().statusCode(204);
        admin.api().get(path).then().statusCode(404);
        admin.api().get("/api/v1/group/").then().body("data", empty());
        // the members left the group, not the organization
        admin.api().get("/api/v1/user/" + member.userId() + "/").then().statusCode(200);
    }

    @Test
    void namesAreUniqueAndBadInputIs400() {
        Tenant admin = Tenants.create("Unique Groups");
        Tenant other = Tenants.create("Someone Else");
        admin.api().contentType("application/json").body(Map.of("name", "Support")).post("/api/v1/group/")
                .then().statusCode(201);
        String second = admin.api().contentType("application/json").body(Map.of("name", "Sales"))
                .post("/api/v1/group/").then().statusCode(201).extract().path("id");

        admin.api().contentType("application/json").body(Map.of("name", "support")).post("/api/v1/group/")
                .then().statusCode(400).body("field-errors.name", notNullValue());
        admin.api().contentType("application/json").body(Map.of("name", "SUPPORT")).put("/api/v1/group/" + second + "/")
                .then().statusCode(400).body("field-errors.name", notNullValue());
        admin.api().contentType("application/json").body(Map.of("name", "  ")).post("/api/v1/group/")
                .then().statusCode(400).body("field-errors.name", notNullValue());
        admin.api().contentType("application/json").body(Map.of("name", List.of("x"))).post("/api/v1/group/")
                .then().statusCode(400);
        admin.api().contentType("application/json").body("{}").post("/api/v1/group/" + second + "/member/")
                .then().statusCode(400).body("field-errors.user_id", notNullValue());
        // only the organization's members can join its groups
        admin.api().contentType("application/json").body(Map.of("user_id", other.userId()))
                .post("/api/v1/group/" + second + "/member/").then().statusCode(400)
                .body("field-errors.user_id", notNullValue());
        // another organization may use the same name
        other.api().contentType("application/json").body(Map.of("name", "Support")).post("/api/v1/group/")
                .then().statusCode(201);
        admin.api().get("/api/v1/group/" + second + "/").then().body("name", equalTo("Sales"))
                .body("members", empty());
    }

    @Test
    void onlyAdminsWriteAndOtherOrganizationsSee404() {
        Tenant admin = Tenants.create("Guarded Groups");
        Tenant user = Tenants.member(admin, "Plain", "Member", "user");
        Tenant other = Tenants.create("Outsiders");
        String id = admin.api().contentType("application/json").body(Map.of("name", "Inner Circle"))
                .post("/api/v1/group/").then().statusCode(201).extract().path("id");
        String path = "/api/v1/group/" + id + "/";

        user.api().contentType("application/json").body(Map.of("name", "Mine")).post("/api/v1/group/")
                .then().statusCode(403).body("error", notNullValue());
        user.api().contentType("application/json").body(Map.of("name", "Renamed")).put(path).then().statusCode(403);
        user.api().contentType("application/json").body(Map.of("user_id", user.userId())).post(path + "member/")
                .then().statusCode(403);
        user.api().delete(path).then().statusCode(403);
        user.api().get(path).then().statusCode(200);

        other.api().get(path).then().statusCode(404);
        other.api().contentType("application/json").body(Map.of("name", "Hijack")).put(path).then().statusCode(404);
        other.api().contentType("application/json").body(Map.of("user_id", other.userId())).post(path + "member/")
                .then().statusCode(404);
        other.api().delete(path + "member/" + admin.userId() + "/").then().statusCode(404);
        other.api().delete(path).then().statusCode(404);
        other.api().get("/api/v1/group/").then().body("data", empty());
        admin.api().get(path).then().statusCode(200).body("name", equalTo("Inner Circle")).body("members", empty());
    }
}
