package io.leadline.gateway.identity;

import io.leadline.gateway.support.GatewayTestProfile;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /user/}, {@code PUT /organization/{id}/} and the operator's way to add members. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class UsersAndMembersTest {

    @Test
    void usersListsTheMembersOfTheCallersOrganizationInCloseOrders() {
        Tenant admin = Tenants.create("Users Org");
        Tenant zed = Tenants.member(admin, "Zed", "Abbott", "user");
        Tenant bob = Tenants.member(admin, "Bob", "Young", "superuser");
        Tenants.create("Someone Else's Org");

        admin.api().get("/api/v1/user/").then().statusCode(200)
                .body("data.first_name", contains("Ada", "Bob", "Zed"))
                .body("has_more", equalTo(false));
        zed.api().queryParam("_order_by", "last_name,first_name").get("/api/v1/user/").then().statusCode(200)
                .body("data.last_name", contains("Abbott", "Lovelace", "Young"));
        bob.api().queryParam("_limit", "2").queryParam("_skip", "1").queryParam("_fields", "id,email")
                .get("/api/v1/user/").then().statusCode(200)
                .body("data.id", contains(bob.userId(), zed.userId()))
                .body("data[0]", equalTo(Map.of("id", bob.userId(), "email", bob.email())))
                .body("has_more", equalTo(false));
        admin.api().queryParam("_limit", "1").get("/api/v1/user/").then().statusCode(200)
                .body("has_more", equalTo(true));
    }

    @Test
    void aUserIsVisibleOnlyToTheirOrganization() {
        Tenant mine = Tenants.create("Mine");
        Tenant colleague = Tenants.member(mine, "Colleague", "One", "user");
        Tenant theirs = Tenants.create("Theirs");

        mine.api().get("/api/v1/user/" + colleague.userId() + "/").then().statusCode(200)
                .body("id", equalTo(colleague.userId()))
                .body("email", equalTo(colleague.email()))
                .body("first_name", equalTo("Colleague"));
        mine.api().get("/api/v1/user/" + theirs.userId() + "/").then().statusCode(404).body("error", notNullValue());
        mine.api().get("/api/v1/user/user_doesnotexist/").then().statusCode(404);
        theirs.api().get("/api/v1/user/").then().statusCode(200).body("data.id", contains(theirs.userId()));
    }

    @Test
    void badListParametersAre400() {
        Tenant tenant = Tenants.create("Params Org");
        tenant.api().queryParam("_order_by", "email").get("/api/v1/user/").then().statusCode(400)
                .body("error", startsWith("_order_by"));
        tenant.api().queryParam("_limit", "many").get("/api/v1/user/").then().statusCode(400);
        tenant.api().queryParam("_limit", "0").get("/api/v1/user/").then().statusCode(400);
        tenant.api().queryParam("_skip", "-1").get("/api/v1/user/").then().statusCode(400);
    }

    @Test
    void anAdminRenamesTheOrganizationAndChangesItsCurrency() {
        Tenant admin = Tenants.create("Old Name");
        admin.api().contentType("application/json").body(Map.of("name", "New Name", "currency", "eur"))
                .put("/api/v1/organization/" + admin.organizationId() + "/").then().statusCode(200)
                .body("name", equalTo("New Name"))
                .body("currency", equalTo("EUR"))
                .body("$", hasKey("lead_statuses"));
        admin.api().get("/api/v1/organization/" + admin.organizationId() + "/").then().statusCode(200)
                .body("name", equalTo("New Name")).body("currency", equalTo("EUR"));
        admin.api().get("/api/v1/me/").then().body("organizations[0].name", equalTo("New Name"));
    }

    @Test
    void onlyAnAdminChangesTheOrganizationAndBadValuesChangeNothing() {
        Tenant admin = Tenants.create("Guarded");
        Tenant user = Tenants.member(admin, "Plain", "User", "user");
        Tenant other = Tenants.create("Other");
        String path = "/api/v1/organization/" + admin.organizationId() + "/";

        user.api().contentType("application/json").body(Map.of("name", "Hijacked")).put(path)
                .then().statusCode(403).body("error", notNullValue());
        other.api().contentType("application/json").body(Map.of("name", "Hijacked")).put(path)
                .then().statusCode(404);
        admin.api().contentType("application/json").body(Map.of("name", "Fine", "currency", "XYZ1")).put(path)
                .then().statusCode(400).body("field-errors.currency", notNullValue());
        admin.api().contentType("application/json").body(Map.of("name", " ")).put(path)
                .then().statusCode(400).body("field-errors.name", notNullValue());
        admin.api().contentType("application/json").body(Map.of("lead_statuses", List.of())).put(path)
                .then().statusCode(400).body("field-errors.lead_statuses", notNullValue());
        admin.api().get(path).then().body("name", equalTo("Guarded")).body("currency", equalTo("USD"));
    }

    @Test
    void theOperatorAddsMembersWithARoleAndAKeyOfTheirOwn() {
        Tenant admin = Tenants.create("Growing Org");
        Tenant member = Tenants.member(admin, "New", "Hire", "restricteduser");

        member.api().get("/api/v1/me/").then().statusCode(200)
                .body("id", equalTo(member.userId()))
                .body("memberships[0].role_id", equalTo("restricteduser"));
        admin.api().get("/api/v1/organization/" + admin.organizationId() + "/").then()
                .body("memberships.user_id", containsInAnyOrder(admin.userId(), member.userId()));

        Map<String, Object> again = Map.of("user", Map.of("email", member.email()));
        Tenants.addMember(admin.organizationId(), again).then().statusCode(400)
                .body("'field-errors'.'user.email'", notNullValue());
        Tenants.addMember(admin.organizationId(), Map.of("user", Map.of("email", "x@example.com"), "role_id", "owner"))
                .then().statusCode(400).body("field-errors.role_id", notNullValue());
        Tenants.addMember("orga_doesnotexist", Map.of("user", Map.of("email", "y@example.com")))
                .then().statusCode(404);
        given().contentType("application/json").body(Map.of("user", Map.of("email", "z@example.com")))
                .post("/admin/v1/organizations/" + admin.organizationId() + "/memberships")
                .then().statusCode(401);
        // a person in two organizations keeps one user, with a key per organization
        Tenant elsewhere = Tenants.create("Second Org");
        String secondKey = Tenants.addMember(elsewhere.organizationId(), Map.of("user", Map.of("email", member.email())))
                .then().statusCode(201).extract().path("api_key");
        String sameUser = Tenants.basic(secondKey);
        given().header("Authorization", sameUser).get("/api/v1/me/").then()
                .body("id", equalTo(member.userId()));
        assertEquals(2, given().header("Authorization", sameUser).get("/api/v1/me/").then()
                .extract().<List<?>>path("organizations").size());
    }
}
