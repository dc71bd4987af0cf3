package io.leadline.platform.testing;

import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What every service promises about its edge: health and metrics answer on the management port (open, for probes
 * and Prometheus) and nowhere else, their HTTP series never name an object id, and its API answers only requests
 * carrying a valid internal JWT from the gateway. A service's {@code ServiceSecurityTest} extends this and names
 * one of its API paths.
 */
public abstract class ServiceSecurityContract {

    /** A GET path of the service's API that needs a caller. */
    protected abstract String protectedPath();

    /**
     * What {@link #protectedPath()} answers a caller with a valid token: 200 for a list endpoint. A service without
     * endpoints yet answers 404, which still shows the token got past authentication.
     */
    protected int statusForAValidToken() {
        return 200;
    }

    @Test
    void acceptsTheGatewaysToken() {
        // without this, a service that refused every token would pass every refusal below
        given().header("Authorization", "Bearer " + InternalTokens.mint("orga_contract", "user_contract"))
                .get(protectedPath()).then().statusCode(statusForAValidToken());
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String foreign = claims().audience("someone-else").sign(InternalJwtTestResource.keys().loadPrivateKey());
        given().header("Authorization", "Bearer " + foreign).get(protectedPath()).then().statusCode(401);
    }

    @Test
    void answersHealthAndMetricsWithoutATokenOnTheManagementPortOnly() {
        Management.request().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        Management.request().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void noHttpSeriesNamesAnObjectId() {
        String valid = "Bearer " + InternalTokens.mint("orga_contract", "user_contract");
        String item = protectedPath() + "xyzrawid_item/";
        given().header("Authorization", valid).get(item);
        given().header("Authorization", valid).delete(item);
        given().header("Authorization", valid).get(item + "xyzrawid_below/");
        given().get(item).then().statusCode(401);
        given().header("Authorization", valid).get("/api/v1/xyzrawid_type/x/");
        given().get("/internal/v1/xyzrawid_internal/");
        String metrics = Management.request().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("xyzrawid"), () -> metrics.lines().filter(line -> line.contains("xyzrawid"))
                .toList().toString());
    }

    @Test
    void refusesCallsWithoutAToken() {
        given().get(protectedPath()).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get(protectedPath()).then().statusCode(401);
    }

    @Test
    void refusesATokenTheGatewayDidNotSign() throws NoSuchAlgorithmException {
        String forged = claims().sign(strangerKey());
        given().header("Authorization", "Bearer " + forged).get(protectedPath()).then().statusCode(401);
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = claims().issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600))
                .sign(InternalJwtTestResource.keys().loadPrivateKey());
        given().header("Authorization", "Bearer " + expired).get(protectedPath()).then().statusCode(401);
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims() {
        return Jwt.issuer(InternalJwtTestResource.ISSUER)
                .audience(InternalJwtTestResource.AUDIENCE)
                .subject("user_test")
                .claim("org_id", "orga_test")
                .groups(Set.of("user"));
    }

    private static PrivateKey strangerKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }
}
