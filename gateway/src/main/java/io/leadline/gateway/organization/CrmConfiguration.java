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
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * The caller's lead statuses and pipelines, which crm-core owns, for {@code GET /organization/{id}/}. Asked with the
 * caller's own internal token, so crm-core answers for the caller's organization only.
 */
@ApplicationScoped
public class CrmConfiguration {

    private static final Logger LOG = Logger.getLogger(CrmConfiguration.class);
    static final String PATH = "/internal/v1/organization-configuration";
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
        Upstream crmCore = routes.named(RouteTable.CRM_CORE);
        return tokens.tokenFor(principal)
                .chain(token -> Uni.createFrom().completionStage(() -> client.http()
                        .request(options(crmCore, token, requestId))
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> {
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("crm-core answered " + response.statusCode());
                            }
                            return body.toString();
                        }))
                        .toCompletionStage()))
                .ifNoItem().after(config.upstreamIdleTimeout()).fail()
                .map(CrmConfiguration::parse)
                .onFailure().transform(failure -> {
                    LOG.warnf("Reading the configuration of %s from crm-core failed: %s",
                            principal.organizationId(), failure.toString());
                    return new CloseException(503, "The organization's configuration is temporarily unavailable.");
                });
    }

    private RequestOptions options(Upstream crmCore, String token, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .set(HttpHeaders.ACCEPT, "application/json");
        if (requestId != null) {
            headers.set(InternalClaims.REQUEST_ID_HEADER, requestId);
        }
        return new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(crmCore.baseUrl() + PATH)
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
