package io.leadline.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leadline.embedded.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for the services behind the gateway: it echoes what it received as JSON, so tests
 * see exactly what the gateway forwarded. The events upstream points at a port nobody listens on.
 */
public class FakeUpstreamResource implements QuarkusTestResourceLifecycleManager {

    public static final String LOCATION_PATH = "/api/v1/lead/with_location/";
    public static final String PROVISION_CALLS_PATH = "/__provision_calls";
    public static final String CONFIGURATION_FAILURE_PATH = "/__configuration_failure";
    /** An organization name containing this makes the fake crm-core fail provisioning. */
    public static final String FAIL_PROVISIONING = "fail-provisioning";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode provisionCalls = JSON.createArrayNode();
    private volatile boolean configurationFails;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        String nobodyListens = "http://127.0.0.1:" + FreePorts.pick();
        return Map.of(
                "leadline.gateway.upstream.crm-core", url,
                "leadline.gateway.upstream.activities", url,
                "leadline.gateway.upstream.comments", url,
                "leadline.gateway.upstream.events", nobodyListens);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("/internal/v1/provision")) {
            ObjectNode call = JSON.createObjectNode()
                    .put("authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                    .put("body", body);
            synchronized (provisionCalls) {
                provisionCalls.add(call);
            }
            boolean fail = body.contains(FAIL_PROVISIONING);
            respond(exchange, fail ? 500 : 200, fail ? "{\"error\": \"boom\"}" : "{}");
        } else if (path.equals("/internal/v1/organization-configuration")) {
            if (configurationFails) {
                respond(exchange, 500, "{\"error\": \"boom\"}");
            } else {
                respond(exchange, 200, configuration(exchange).toString());
            }
        } else if (path.equals(CONFIGURATION_FAILURE_PATH)) {
            configurationFails = "on".equals(exchange.getRequestURI().getRawQuery());
            respond(exchange, 200, "{}");
        } else if (path.equals(PROVISION_CALLS_PATH)) {
            synchronized (provisionCalls) {
                respond(exchange, 200, provisionCalls.toString());
            }
        } else if (path.equals(LOCATION_PATH)) {
            String self = "http://127.0.0.1:" + server.getAddress().getPort();
            exchange.getResponseHeaders().add("Location", self + "/api/v1/lead/lead_created/?x=1");
            respond(exchange, 201, "{}");
        } else {
            respond(exchange, 200, echo(exchange, body).toString());
        }
    }

    /** Like crm-core's answer; the status label names the organization of the token, to show whose token came. */
    private static ObjectNode configuration(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        String organizationId = JSON.readTree(claims).path("org_id").asText();
        ObjectNode configuration = JSON.createObjectNode();
        configuration.putArray("lead_statuses").addObject().put("id", "stat_potential").put("label", "Potential of " + organizationId);
        ObjectNode pipeline = configuration.putArray("pipelines").addObject()
                .put("id", "pipe_sales").put("name", "Sales").put("organization_id", organizationId);
        pipeline.putArray("statuses").addObject()
                .put("id", "stat_active").put("label", "Active").put("type", "active").put("pipeline_id", "pipe_sales");
        return configuration;
    }

    private static ObjectNode echo(HttpExchange exchange, String body) {
        ObjectNode echo = JSON.createObjectNode()
                .put("method", exchange.getRequestMethod())
                .put("path", exchange.getRequestURI().getRawPath())
                .put("query", exchange.getRequestURI().getRawQuery())
                .put("body", body);
        ObjectNode headers = echo.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return echo;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
