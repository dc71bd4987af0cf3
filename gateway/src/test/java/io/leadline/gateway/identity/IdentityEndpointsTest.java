package io.leadline.gateway.identity;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class IdentityEndpointsTest {

    private static final String CLOSE_DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00";

    @Test
    void meDescribesTheCallerWithTheirOrganizationsAndMemberships() {
        Tenant tenant = Tenants.create("Me Org");
        tenant.api().get("/api/v1/me/")
                .then().statusCode(200)
                .header("RateLimit", notNullValue())
                .body("id", equalTo(tenant.userId()))
                .body("email", equalTo(tenant.email()))
                .body("first_name", equalTo("Ada"))
                .body("last_name", equalTo("Lovelace"))
                .body("image", nullValue())
                .body("date_created", matchesPattern(CLOSE_DATETIME))
                .body("date_updated", matchesPattern(CLOSE_DATETIME))
                .body("organizations", hasSize(1))
                .body("organizations[0].id", equalTo(tenant.organizationId()))
                .body("organizations[0].name", equalTo("Me Org"))
                .body("memberships[0].organization_id", equalTo(tenant.organizationId()))
                .body("memberships[0].user_id", equalTo(tenant.userId()))
                .body("memberships[0].id", matchesPattern("memb_[0-9A-Za-z]{43}"))
                .body("email_accounts", empty());
    }

    @Test
    void meHonoursFieldsAndTheFormWithoutTrailingSlash() {
        Tenant tenant = Tenants.create("Fields Org");
        Map<String, Object> me = tenant.api().queryParam("_fields", "id,email")
                .get("/api/v1/me")
                .then().statusCode(200).extract().as(Map.class);
        assertEquals(Map.of("id", tenant.userId(), "email", tenant.email()), me);
    }

    @Test
    void organizationShowsTheCallersOwnOrganizationWithFlattenedMembers() {
        Tenant tenant = Tenants.create("Own Org");
        tenant.api().get("/api/v1/organization/" + tenant.organizationId() + "/")
                .then().statusCode(200)
                .body("id", equalTo(tenant.organizationId()))
                .body("name", equalTo("Own Org"))
                .body("currency", equalTo("USD"))
                .body("date_created", matchesPattern(CLOSE_DATETIME))
                .body("memberships", hasSize(1))
                .body("memberships[0].user_id", equalTo(tenant.userId()))
                .body("memberships[0].user_email", equalTo(tenant.email()))
                .body("memberships[0].user_full_name", equalTo("Ada Lovelace"))
                .body("memberships[0].role_id", equalTo("admin"))
                .body("inactive_memberships", empty());
    }

    @Test
    void anotherOrganizationIsIndistinguishableFromAMissingOne() {
        Tenant mine = Tenants.create("Mine");
        Tenant theirs = Tenants.create("Theirs");
        ExtractableResponse<Response> another = mine.api().get("/api/v1/organization/" + theirs.organizationId() + "/")
                .then().statusCode(404)
                .body("error", notNullValue())
                .body("$", not(hasKey("name")))
                .extract();
        ExtractableResponse<Response> missing = mine.api().get("/api/v1/organization/orga_doesnotexist/")
                .then().statusCode(404).extract();
        // byte for byte: not even the wording may tell an existing organization from a missing one
        assertArrayEquals(missing.asByteArray(), another.asByteArray());
        assertEquals(missing.contentType(), another.contentType());
    }

    @Test
    void unknownLocalPathsAnswerCloseShaped404() {
        Tenant tenant = Tenants.create("Paths Org");
        tenant.api().get("/api/v1/me/extra/").then().statusCode(404).body("error", notNullValue());
    }
}
