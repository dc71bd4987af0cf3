package io.leadline.platform.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.specification.RequestSpecification;

import java.net.URI;

import static io.restassured.RestAssured.given;

/** The service's management interface (health, metrics, operator views) on its own port, as a test reaches it. */
public final class Management {

    private Management() {
    }

    /** The origin of the management interface, e.g. http://localhost:41234 (its port is picked at start). */
    public static String origin() {
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    public static RequestSpecification request() {
        return given().baseUri(origin()).port(-1);
    }

    /** The Prometheus text of {@code /q/metrics}. */
    public static String metrics() {
        return request().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of a counter without tags, 0 when it has not been registered yet. */
    public static double counter(String name) {
        return metrics().lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
