package io.leadline.gateway.operator;

import io.leadline.gateway.GatewayConfig;
import io.leadline.gateway.membership.Membership;
import io.leadline.gateway.principal.InternalTokenIssuer;
import io.leadline.gateway.principal.Principal;
import io.leadline.gateway.proxy.RouteTable;
import io.leadline.gateway.proxy.Upstream;
import io.leadline.gateway.proxy.UpstreamClient;
import io.leadline.platform.security.InternalClaims;
import io.leadline.platform.security.Permission;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Asks crm-core to create a new organization's CRM defaults (lead statuses, pipeline ...). crm-core's provisioning
 * is idempotent, so a failed attempt is simply repeated ({@code POST /admin/v1/organizations/{id}/provision}).
 */
@ApplicationScoped
public class CrmProvisioner {

    private static final Logger LOG = Logger.getLogger(CrmProvisioner.class);
    static final String PATH = "/internal/v1/provision";

    @Inject
    UpstreamClient client;

    @Inject
    RouteTable routes;

    @Inject
    InternalTokenIssuer tokens;

    @Inject
    GatewayConfig config;

    /** True when crm-core confirmed with a 2xx; false when it failed or could not be reached. */
    public Uni<Boolean> provision(String organizationId, String organizationName, String userId, String userName,
                                  String requestId) {
        Upstream crmCore = routes.named(RouteTable.CRM_CORE);
        Principal admin = new Principal(organizationId, userId, userName, null, Membership.ADMIN,
                Permission.ofBuiltInRole(Membership.ADMIN));
        String body = new JsonObject()
                .put("organization_id", organizationId)
                .put("organization_name", organizationName)
                .put("user_id", userId)
                .encode();
        return tokens.tokenFor(admin)
                .chain(token -> Uni.createFrom().completionStage(() -> client.http()
                        .request(options(crmCore, token, requestId))
                        .compose(request -> request.send(body))
                        .compose(response -> response.body().map(ignored -> confirmed(response, organizationId)))
                        .toCompletionStage()))
                .ifNoItem().after(config.provisionTimeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Provisioning %s in crm-core failed: %s", organizationId, failure.toString());
                    return false;
                });
    }

    private RequestOptions options(Upstream crmCore, String token, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .set(HttpHeaders.CONTENT_TYPE, "application/json")
                .set(HttpHeaders.ACCEPT, "application/json")
                .set(InternalClaims.REQUEST_ID_HEADER, requestId);
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(crmCore.baseUrl() + PATH)
                .setHeaders(headers)
                .setConnectTimeout(config.upstreamConnectTimeout().toMillis())
                .setIdleTimeout(config.provisionTimeout().toMillis());
    }

    private static boolean confirmed(HttpClientResponse response, String organizationId) {
        boolean ok = response.statusCode() / 100 == 2;
        if (!ok) {
            LOG.warnf("crm-core answered %d to provisioning %s", response.statusCode(), organizationId);
        }
        return ok;
    }
}
