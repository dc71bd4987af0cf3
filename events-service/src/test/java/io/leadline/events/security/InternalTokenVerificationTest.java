package io.leadline.events.security;

import io.leadline.platform.testing.KafkaServiceTestProfile;
import io.leadline.platform.security.InternalClaims;
import io.leadline.platform.testing.InternalJwtTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The service verifies each internal JWT once and then answers it from memory (platform's VerifiedTokenCache); these
 * are the promises that cache must not break, checked through the API as the gateway's callers would meet them.
 */
@QuarkusTest
@TestProfile(KafkaServiceTestProfile.class)
class InternalTokenVerificationTest {

    private static final String PATH = "/api/v1/event/";

    @Test
    void acceptsAValidTokenAgainAndAgain() {
        String token = claims().expiresAt(Instant.now().plusSeconds(300)).sign(gatewayKey());
        for (int i = 0; i < 3; i++) {
            call(token).then().statusCode(200);
        }
    }

    @Test
    void stillRefusesForgedForeignAndExpiredTokensOnceAValidOneIsCached() throws NoSuchAlgorithmException {
        String valid = claims().expiresAt(Instant.now().plusSeconds(300)).sign(gatewayKey());
        call(valid).then().statusCode(200);

        String forged = claims().expiresAt(Instant.now().plusSeconds(300)).sign(strangerKey());
        String validBodyForgedSignature = valid.substring(0, valid.lastIndexOf('.'))
                + forged.substring(forged.lastIndexOf('.'));
        String wrongAudience = Jwt.issuer(InternalClaims.ISSUER).audience("another-audience").subject("user_test")
                .claim(InternalClaims.ORGANIZATION_ID, "orga_test").groups(Set.of(InternalClaims.CALLER_GROUP))
                .sign(gatewayKey());
        String wrongIssuer = Jwt.issuer("someone-else").audience(InternalClaims.AUDIENCE).subject("user_test")
                .claim(InternalClaims.ORGANIZATION_ID, "orga_test").groups(Set.of(InternalClaims.CALLER_GROUP))
                .sign(gatewayKey());
        String expired = claims().issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600))
                .sign(gatewayKey());

        for (String refused : new String[] {forged, validBodyForgedSignature, wrongAudience, wrongIssuer, expired}) {
            call(refused).then().statusCode(401);
        }
        call(valid).then().statusCode(200);
    }

    @Test
    void stopsAcceptingACachedTokenOnceItExpires() {
        // the test profile allows 1 s of clock skew, so the token is refused from a second after its exp on
        String shortLived = claims().expiresAt(Instant.now().plusSeconds(10)).sign(gatewayKey());
        call(shortLived).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> call(shortLived).statusCode() == 401);
    }

    private static io.restassured.response.Response call(String token) {
        return given().header("Authorization", "Bearer " + token).get(PATH);
    }

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(InternalClaims.ISSUER).audience(InternalClaims.AUDIENCE).subject("user_test")
                .claim(InternalClaims.ORGANIZATION_ID, "orga_tokens").claim(InternalClaims.ROLE, "admin")
                .groups(Set.of(InternalClaims.CALLER_GROUP));
    }

    private static PrivateKey gatewayKey() {
        return InternalJwtTestResource.keys().loadPrivateKey();
    }

    private static PrivateKey strangerKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }
}
