package io.leadline.platform.owner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.platform.wire.CloseException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks the service that owns an object about it, as the caller: a service that keeps a projection of others'
 * objects (from their events) calls this only on a miss, so a reference to an object created a moment ago never
 * fails while its event is still on its way. The caller's internal token goes along, so the owner answers only for
 * the caller's organization: another organization's id and an unknown id are both {@code empty}.
 *
 * <p>Each service's base URL is {@code leadline.services.<service>.url} (platform defaults: the local ports).
 * An owner that cannot answer is a 503, never a "not found": a reference must not be refused because a service
 * is down.
 */
@Singleton
public class OwnerApi {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String FIELDS = "id,organization_id,lead_id,_type";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final Function<String, Optional<String>> serviceUrls;

    @Inject
    public OwnerApi(Vertx vertx) {
        this(vertx, service -> configuredUrl(ConfigProvider.getConfig(), service));
    }

    OwnerApi(Vertx vertx, Function<String, Optional<String>> serviceUrls) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) TIMEOUT.toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(16));
        this.serviceUrls = serviceUrls;
    }

    private static Optional<String> configuredUrl(Config config, String service) {
        return config.getOptionalValue("leadline.services." + service + ".url", String.class);
    }

    /** The object with this id in the caller's organization, or empty when the caller's organization has none. */
    public Uni<Optional<OwnedObject>> find(String objectId, String internalToken) {
        Optional<ObjectOwners.Route> route = ObjectOwners.routeOf(objectId);
        if (route.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        ObjectOwners.Route owner = route.get();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(baseUrl(owner.service()) + owner.uri(objectId, FIELDS))
                .putHeader("Authorization", "Bearer " + internalToken)
                .putHeader("Accept", "application/json")
                .setTimeout(TIMEOUT.toMillis());
        return client.request(request)
                .chain(sent -> sent.send())
                .chain(response -> response.body().map(body -> read(owner, objectId, response, body)))
                .onFailure(failure -> !(failure instanceof CloseException))
                .transform(failure -> unavailable(owner.service()));
    }

    private String baseUrl(String service) {
        String url = serviceUrls.apply(service)
                .orElseThrow(() -> new IllegalStateException("leadline.services." + service + ".url is not set"));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Optional<OwnedObject> read(ObjectOwners.Route owner, String objectId, HttpClientResponse response,
                                              Buffer body) {
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw unavailable(owner.service());
        }
        JsonNode object;
        try {
            object = MAPPER.readTree(body.getBytes());
        } catch (IOException e) {
            throw unavailable(owner.service());
        }
        if (owner.listedById()) {
            object = object.path("data").path(0);
        }
        if (!objectId.equals(object.path("id").asText(null))) {
            return Optional.empty();
        }
        return Optional.of(new OwnedObject(objectId, object.path("organization_id").asText(null),
                objectType(owner, object), "lead".equals(owner.objectType()) ? objectId : object.path("lead_id").asText(null),
                object));
    }

    /** The event log's vocabulary: an activity's {@code _type} "LeadStatusChange" is {@code activity.lead_status_change}. */
    static String objectType(ObjectOwners.Route owner, JsonNode object) {
        String type = object.path("_type").asText("");
        if (!"activity".equals(owner.objectType()) || type.isEmpty()) {
            return owner.objectType();
        }
        return "activity." + type.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static CloseException unavailable(String service) {
        return new CloseException(503, "The " + service + " service is unavailable; try again shortly.");
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}
