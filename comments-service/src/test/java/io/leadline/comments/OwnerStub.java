package io.leadline.comments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.security.InternalClaims;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP server playing crm-core's and activities-service's read API for the objects a test registers, answering
 * only within the organization of the caller's token, as the owners do: the projection-miss path of
 * {@code CommentableObjects} runs over HTTP as in production. An id registered as broken answers 500.
 */
public class OwnerStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ObjectNode> OBJECTS = new ConcurrentHashMap<>();
    private static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();

    private Vertx vertx;

    /** An object its owner knows but whose event this service has not received. */
    public static void register(String organizationId, String id, String leadId, String type) {
        ObjectNode object = JSON.createObjectNode();
        object.put("id", id);
        object.put("organization_id", organizationId);
        object.put("lead_id", leadId);
        if (type != null) {
            object.put("_type", type);
        }
        OBJECTS.put(id, object);
    }

    /** The owner fails for this id (a 500), as a service in trouble. */
    public static void breakFor(String id) {
        BROKEN.add(id);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(OwnerStub::answer)
                .listen(0).toCompletionStage().toCompletableFuture().join();
        String base = "http://127.0.0.1:" + server.actualPort();
        return Map.of("leadline.services.crm-core.url", base, "leadline.services.activities.url", base);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void answer(HttpServerRequest request) {
        String[] segments = request.path().split("/");
        boolean list = request.path().equals("/api/v1/activity/");
        String id = list ? request.getParam("id__in") : segments[segments.length - 1];
        if (id != null && BROKEN.contains(id)) {
            request.response().setStatusCode(500).end("{\"error\": \"boom\"}");
            return;
        }
        ObjectNode object = id == null ? null : OBJECTS.get(id);
        boolean visible = object != null && object.get("organization_id").asText().equals(organizationOf(request));
        if (list) {
            request.response().end("{\"data\": [" + (visible ? object.toString() : "") + "], \"has_more\": false}");
        } else if (visible) {
            request.response().end(object.toString());
        } else {
            request.response().setStatusCode(404).end("{\"error\": \"Empty query: no such object\"}");
        }
    }

    /** The organization claim of the bearer token (the stub trusts it; the real services verify it). */
    private static String organizationOf(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = header.substring("Bearer ".length()).split("\\.");
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path(InternalClaims.ORGANIZATION_ID).asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
