package io.leadline.gateway.oauth;

import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** RFC 6749 §5.2: the error code, a description, no caching; 401s name the Basic scheme (invalid_client). */
public class OAuthExceptionMapper {

    @ServerExceptionMapper
    public Response map(OAuthException failure) {
        Response.ResponseBuilder answer = Response.status(failure.status())
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .entity(new JsonObject().put("error", failure.error())
                        .put("error_description", failure.getMessage()).encode());
        if (failure.status() == 401) {
            answer.header("WWW-Authenticate", "Basic realm=\"oauth2\"");
        }
        return answer.build();
    }
}
