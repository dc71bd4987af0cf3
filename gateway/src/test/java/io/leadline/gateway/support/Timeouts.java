package io.leadline.gateway.support;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/** For requests that used to hang: the test fails in seconds instead of waiting for an idle timeout. */
public final class Timeouts {

    private static final int MILLIS = 10_000;

    private Timeouts() {
    }

    public static RestAssuredConfig tenSeconds() {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", MILLIS)
                .setParam("http.connection.timeout", MILLIS));
    }
}
