package io.leadline.platform.security;

import io.leadline.platform.id.Ids;
import io.leadline.platform.wire.CloseException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Builds the {@link Caller} of the current request from the verified internal JWT. */
@RequestScoped
public class CallerContext {

    @Inject
    JsonWebToken token;

    @Inject
    CurrentVertxRequest currentRequest;

    private Caller caller;

    public Caller current() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    /**
     * The internal JWT this request came with, to ask another service on the caller's behalf (its answers are then
     * scoped to the caller's organization exactly as this service's are).
     */
    public String internalToken() {
        current();
        return token.getRawToken();
    }

    private Caller read() {
        String organizationId = token.getClaim(InternalClaims.ORGANIZATION_ID);
        if (token.getRawToken() == null || organizationId == null) {
            throw CloseException.unauthorized("The API key or token is missing or invalid.");
        }
        HttpServerRequest request = currentRequest.getCurrent().request();
        String role = token.getClaim(InternalClaims.ROLE);
        String requestId = request.getHeader(InternalClaims.REQUEST_ID_HEADER);
        return new Caller(
                organizationId,
                token.getSubject(),
                token.getClaim(InternalClaims.USER_NAME),
                token.getClaim(InternalClaims.API_KEY_ID),
                role,
                permissions(token.getClaim(InternalClaims.PERMISSIONS), role),
                requestId != null ? requestId : Ids.shortId("req"),
                request.method().name(),
                request.path(),
                tzOffset(request.getHeader(InternalClaims.TZ_OFFSET_HEADER)));
    }

    /**
     * The permissions claim, as the JSON parser hands an array over. A token without one (minted by a gateway from
     * before the claim, during a rolling upgrade: tokens live five minutes) gets its built-in role's.
     */
    private static Set<Permission> permissions(Object claim, String role) {
        if (claim instanceof JsonArray array) {
            List<String> names = new ArrayList<>(array.size());
            array.forEach(value -> {
                if (value instanceof JsonString name) {
                    names.add(name.getString());
                }
            });
            return Permission.ofWireNames(names);
        }
        if (claim instanceof Collection<?> values) {
            return Permission.ofWireNames(values.stream().map(String::valueOf).toList());
        }
        return Permission.ofBuiltInRole(role);
    }

    private static double tzOffset(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            double hours = Double.parseDouble(header.trim());
            return Math.abs(hours) <= 14 ? hours : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
