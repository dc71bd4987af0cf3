package io.leadline.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leadline.embedded.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for the services behind the gateway: it echoes what it received as JSON, so tests
 * see exactly what the gateway forwarded. The events upstream points at a port nobody listens on.
 */
public class FakeUpstreamResource implements QuarkusTestResourceLifecycleManager {

    public static final String LOCATION_PATH = "/api/v1/lead/with_location/";
    public static final String PROVISION_CALLS_PATH = "/__provision_calls";
    public static final String CONFIGURATION_FAILURE_PATH = "/__configuration_failure";
    /** Streams {@code ?kib=N} KiB of the letter x, chunked, 16 KiB per write. */
    public static final String STREAM_PATH = "/api/v1/lead/stream/";
    /** Answers once {@link #RELEASE_PATH} is called, so a test can act while a request waits at the service. */
    public static final String HELD_PATH = "/api/v1/lead/held/";
    public static final String RELEASE_PATH = "/__release";
    /** {@code {"held": n, "completed": n, "aborted": n}}: requests held, streams sent whole and streams cut off. */
    public static final String EXCHANGES_PATH = "/__exchanges";
    /** An organization name containing this makes the fake crm-core fail provisioning. */
    public static final String FAIL_PROVISIONING = "fail-provisioning";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fake crm-core's lead statuses: two, in the order each organization last set. */
    public static final String POTENTIAL = "stat_potential";
    public static final String WON = "stat_won";

    private final ArrayNode provisionCalls = JSON.createArrayNode();
    private final Map<String, List<String>> leadStatusOrders = new ConcurrentHashMap<>();
    private volatile boolean configurationFails;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger aborted = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private ClosingUpstream closing;
    /** The first segment routed to {@link ClosingUpstream}; its counts are at {@link #CLOSING_COUNTS_PATH}. */
    public static final String CLOSING_PREFIX = "closing_test";
    public static final String CLOSING_COUNTS_PATH = "/__closing_counts";

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        String nobodyListens = "http://127.0.0.1:" + FreePorts.pick();
        try {
            closing = new ClosingUpstream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "leadline.gateway.upstream.crm-core", url,
                "leadline.gateway.upstream.activities", url,
                "leadline.gateway.upstream.comments", url,
                "leadline.gateway.upstream.events", nobodyListens,
                "leadline.gateway.upstream.closing", "http://127.0.0.1:" + closing.port(),
                "leadline.gateway.routes.closing", CLOSING_PREFIX);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (closing != null) {
            try {
                closing.close();
            } catch (IOException ignored) {
                // the test JVM is ending
            }
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
        } else if (path.equals("/internal/v1/lead-status-order")) {
            reorder(exchange, body);
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
        } else if (path.equals(STREAM_PATH)) {
            stream(exchange, Integer.parseInt(exchange.getRequestURI().getRawQuery().substring("kib=".length())));
        } else if (path.equals(HELD_PATH)) {
            hold(exchange);
        } else if (path.equals(RELEASE_PATH)) {
            CountDownLatch released = release;
            release = new CountDownLatch(1);
            released.countDown();
            respond(exchange, 200, "{}");
        } else if (path.equals(CLOSING_COUNTS_PATH)) {
            respond(exchange, 200, closing.counts());
        } else if (path.equals(EXCHANGES_PATH)) {
            respond(exchange, 200, JSON.createObjectNode().put("held", held.get()).put("completed", completed.get())
                    .put("aborted", aborted.get()).toString());
        } else if (path.equals(LOCATION_PATH)) {
            String self = "http://127.0.0.1:" + server.getAddress().getPort();
            exchange.getResponseHeaders().add("Location", self + "/api/v1/lead/lead_created/?x=1");
            respond(exchange, 201, "{}");
        } else {
            respond(exchange, 200, echo(exchange, body).toString());
        }
    }

    /** Like crm-core's answer; the first status label names the organization of the token, to show whose token came. */
    private ObjectNode configuration(HttpExchange exchange) throws IOException {
        String organizationId = claims(exchange).path("org_id").asText();
        ObjectNode configuration = JSON.createObjectNode();
        ArrayNode statuses = configuration.putArray("lead_statuses");
        leadStatusOrder(organizationId).forEach(id -> statuses.addObject().put("id", id)
                .put("label", id.equals(POTENTIAL) ? "Potential of " + organizationId : "Won"));
        ObjectNode pipeline = configuration.putArray("pipelines").addObject()
                .put("id", "pipe_sales").put("name", "Sales").put("organization_id", organizationId);
        pipeline.putArray("statuses").addObject()
                .put("id", "stat_active").put("label", "Active").put("type", "active").put("pipeline_id", "pipe_sales");
        return configuration;
    }

    /** crm-core's rules for a new order: an admin's (manage_organization), naming each of the organization's statuses once. */
    private void reorder(HttpExchange exchange, String body) throws IOException {
        JsonNode claims = claims(exchange);
        boolean managesOrganization = false;
        for (JsonNode permission : claims.path("permissions")) {
            managesOrganization |= permission.asText().equals("manage_organization");
        }
        if (!managesOrganization) {
            respond(exchange, 403, "{\"error\": \"Only organization admins can reorder lead statuses.\"}");
            return;
        }
        List<String> ids = new ArrayList<>();
        JSON.readTree(body).path("ids").forEach(id -> ids.add(id.asText()));
        String organizationId = claims.path("org_id").asText();
        List<String> current = leadStatusOrder(organizationId);
        if (ids.size() != current.size() || !new HashSet<>(ids).equals(new HashSet<>(current))) {
            respond(exchange, 400, "{\"error\": \"\", \"field-errors\": {\"lead_statuses\": "
                    + "\"List every lead status of the organization exactly once, in the new order.\"}}");
            return;
        }
        leadStatusOrders.put(organizationId, List.copyOf(ids));
        respond(exchange, 200, "{}");
    }

    private List<String> leadStatusOrder(String organizationId) {
        return leadStatusOrders.getOrDefault(organizationId, List.of(POTENTIAL, WON));
    }

    private static JsonNode claims(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
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

    private void stream(HttpExchange exchange, int kib) {
        byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int written = 0; written < kib; written += 16) {
                body.write(chunk);
            }
            body.close();
            completed.incrementAndGet();
        } catch (IOException clientGone) {
            aborted.incrementAndGet();
        }
    }

    private void hold(HttpExchange exchange) throws IOException {
        CountDownLatch awaited = release;
        held.incrementAndGet();
        try {
            if (!awaited.await(30, TimeUnit.SECONDS)) {
                throw new IOException("never released");
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        }
        respond(exchange, 200, "{\"held\": true}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
