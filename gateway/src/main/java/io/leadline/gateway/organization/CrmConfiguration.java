package io.leadline.gateway.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.principal.InternalTokenIssuer;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.proxy.RouteTable;
import io.leadline.gateway.proxy.Upstream;
import io.leadline.gateway.proxy.UpstreamClient;
import io.leadline.platform.security.InternalClaims;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ValidationException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;

/**
 * The caller's lead statuses and pipelines, which crm-core owns, for {@code GET /organization/{id}/}, and their
 * reordering for {@code PUT}. Asked with the caller's own internal token, so crm-core answers for the caller's
 * organization and role only.
 */
@ApplicationScoped
public class CrmConfiguration {

    private static final Logger LOG = Logger.getLogger(CrmConfiguration.class);
    static final String PATH = "/internal/v1/organization-configuration";
    static final String ORDER_PATH = "/internal/v1/lead-status-order";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    UpstreamClient client;

    @Inject
    RouteTable routes;

    @Inject
    InternalTokenIssuer tokens;

    @Inject
    GatewayConfig config;

    /** {@code {"lead_statuses": [...], "pipelines": [...]}}; a Close-shaped 503 when crm-core can't answer. */
    public Uni<ObjectNode> of(Principal principal, String requestId) {
        return call(principal, HttpMethod.GET, PATH, null, requestId)
                .map(answer -> {
                    if (answer.status() != 200) {
                        throw new IllegalStateException("crm-core answered " + answer.status());
                    }
                    return parse(answer.body());
                })
                .onFailure(CrmConfiguration::unexpected).transform(failure -> unavailable(principal, failure));
    }

    /**
     * Puts the caller's lead statuses in this order (crm-core checks the caller is an admin and that the ids are
     * exactly the organization's statuses). crm-core's refusal comes back as the same 400 or 403.
     */
    public Uni<Void> reorderLeadStatuses(Principal principal, List<String> ids, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        ids.forEach(body.putArray("ids")::add);
        return call(principal, HttpMethod.PUT, ORDER_PATH, body.toString(), requestId)
                .map(answer -> {
                    if (answer.status() == 400) {
                        throw ValidationException.field("lead_statuses", refusal(answer.body()));
                    }
                    if (answer.status() == 403) {
                        throw CloseException.forbidden("Only admins can reorder lead statuses.");
                    }
                    if (answer.status() != 200) {
                        throw new IllegalStateException("crm-core answered " + answer.status());
                    }
                    return answer;
                })
                .onFailure(CrmConfiguration::unexpected).transform(failure -> unavailable(principal, failure))
                .replaceWithVoid();
    }

    private record Answer(int status, String body) {
    }

    private Uni<Answer> call(Principal principal, HttpMethod method, String path, String body, String requestId) {
        Upstream crmCore = routes.named(RouteTable.CRM_CORE);
        return tokens.tokenFor(principal)
                .chain(token -> Uni.createFrom().completionStage(() -> client.http()
                        .request(options(crmCore, method, path, token, requestId))
                        .compose(request -> body == null ? request.send() : request.send(body))
                        .compose(response -> response.body()
                                .map(answer -> new Answer(response.statusCode(), answer.toString())))
                        .toCompletionStage()))
                .ifNoItem().after(config.upstreamIdleTimeout()).fail();
    }

    /** Anything but the Close-shaped refusals decided above: crm-core could not be asked or answered nonsense. */
    private static boolean unexpected(Throwable failure) {
        return !(failure instanceof CloseException) && !(failure instanceof ValidationException);
    }

    private static CloseException unavailable(Principal principal, Throwable failure) {
        LOG.warnf("Asking crm-core about the configuration of %s failed: %s", principal.organizationId(),
                failure.toString());
        return new CloseException(503, "The organization's configuration is temporarily unavailable.");
    }

    /** crm-core's explanation of a refused order, or a plain one when its body says nothing usable. */
    private static String refusal(String body) {
        try {
            JsonNode message = JSON.readTree(body).at("/field-errors/lead_statuses");
            return message.isTextual() ? message.asText() : "Not an order of the organization's lead statuses.";
        } catch (IOException e) {
            return "Not an order of the organization's lead statuses.";
        }
    }

    private RequestOptions options(Upstream crmCore, HttpMethod method, String path, String token, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .set(HttpHeaders.ACCEPT, "application/json");
        if (method != HttpMethod.GET) {
            headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        if (requestId != null) {
            headers.set(InternalClaims.REQUEST_ID_HEADER, requestId);
        }
        return new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(crmCore.baseUrl() + path)
                .setHeaders(headers)
                .setConnectTimeout(config.upstreamConnectTimeout().toMillis())
                .setIdleTimeout(config.upstreamIdleTimeout().toMillis());
    }

    private static ObjectNode parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.path("lead_statuses").isArray() || !json.path("pipelines").isArray()) {
                throw new IllegalStateException("crm-core answered an unexpected body");
            }
            return (ObjectNode) json;
        } catch (IOException e) {
            throw new IllegalStateException("crm-core answered invalid JSON", e);
        }
    }
}
