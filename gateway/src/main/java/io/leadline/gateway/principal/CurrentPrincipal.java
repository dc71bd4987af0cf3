package io.leadline.gateway.principal;

import io.leadline.platform.wire.CloseException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The principal the edge handler authenticated, for the gateway's own REST endpoints. */
@ApplicationScoped
public class CurrentPrincipal {

    @Inject
    CurrentVertxRequest request;

    /** Call once at the start of a resource method, while the request is current. */
    public Principal get() {
        Principal principal = request.getCurrent() == null ? null : Principal.of(request.getCurrent());
        if (principal == null) {
            // only reachable if a local endpoint were mounted outside /api/*, which the edge handler guards
            throw CloseException.unauthorized("The API key is missing or invalid.");
        }
        return principal;
    }
}
