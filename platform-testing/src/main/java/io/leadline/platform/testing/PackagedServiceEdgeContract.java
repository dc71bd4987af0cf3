package io.leadline.platform.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/**
 * For a service's {@code *IT} against its packaged jar (or native executable): the API answers a gateway-signed
 * token and refuses a call without one. (The management-port checks of {@link ServiceSecurityContract} stay in the
 * {@code @QuarkusTest}: Quarkus tells an integration test its HTTP port, not its management port.)
 */
public abstract class PackagedServiceEdgeContract {

    /** A GET path of the service's API that needs a caller. */
    protected abstract String protectedPath();

    /** What {@link #protectedPath()} answers a valid token: 404 for a service without endpoints yet. */
    protected abstract int statusForAValidToken();

    @Test
    void acceptsTheGatewaysToken() {
        given().header("Authorization", "Bearer " + InternalTokens.mint("orga_packaged", "user_packaged"))
                .get(protectedPath()).then().statusCode(statusForAValidToken());
    }

    @Test
    void refusesACallWithoutAToken() {
        given().get(protectedPath()).then().statusCode(401);
    }
}
