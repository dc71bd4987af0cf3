package io.leadline.platform.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.specification.RequestSpecification;

import java.net.URI;


/** Requests to the service's management interface (health, metrics, operator views), a port of its own in tests. */
public final class ManagementPort {

    private ManagementPort() {
    }

    public static RequestSpecification given() {
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return io.restassured.RestAssured.given().baseUri(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort())
                .port(-1);
    }
}
