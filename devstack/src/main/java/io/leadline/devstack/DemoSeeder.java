package io.leadline.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Creates the demo organization through the gateway's operator API, the way an operator would. */
final class DemoSeeder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoSeeder() {
    }

    /** @return the demo user's API key */
    static String seed(HttpClient http, String gatewayUrl, String operatorToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/v1/organizations"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(demoOrganization()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("seeding the demo organization answered " + response.statusCode()
                        + ": " + response.body());
            }
            JsonNode apiKey = JSON.readTree(response.body()).path("api_key");
            if (!apiKey.isTextual()) {
                throw new IllegalStateException("seed response has no api_key: " + response.body());
            }
            return apiKey.asText();
        } catch (IOException e) {
            throw new IllegalStateException("seeding the demo organization failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        }
    }

    private static String demoOrganization() {
        ObjectNode body = JSON.createObjectNode().put("name", "Demo Org");
        body.putObject("user")
                .put("email", "demo@leadline.test")
                .put("first_name", "Demo")
                .put("last_name", "User");
        return body.toString();
    }
}
