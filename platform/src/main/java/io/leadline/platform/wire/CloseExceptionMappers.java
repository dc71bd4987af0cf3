package io.leadline.platform.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;

/**
 * Turns every failure into Close's error shapes. A client mistake is a 4xx with a message, logged at DEBUG (a client
 * can send as many as it likes; they must not flood the log); only a bug is a 500, and its details go to the log at
 * ERROR, not to the client.
 */
public class CloseExceptionMappers {

    private static final Logger LOG = Logger.getLogger(CloseExceptionMappers.class);

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        return json(400, ErrorBodies.validation(e.errors(), e.fieldErrors()));
    }

    @ServerExceptionMapper
    public Response close(CloseException e) {
        return json(e.status(), ErrorBodies.error(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        LOG.debugf("Malformed JSON body: %s", e.getOriginalMessage());
        return json(400, ErrorBodies.validation(List.of("Invalid JSON: " + e.getOriginalMessage()), Map.of()));
    }

    /** {@code Content-Type: application/json; charset=klingon}: the body can't be decoded, so its type is refused. */
    @ServerExceptionMapper({UnsupportedCharsetException.class, IllegalCharsetNameException.class})
    public Response unknownCharset(IllegalArgumentException e) {
        LOG.debugf("Unknown charset in Content-Type: %s", e.getMessage());
        return json(415, ErrorBodies.error("Unsupported charset: send application/json in UTF-8."));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return json(401, ErrorBodies.error("The API key or token is missing or invalid."));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return json(401, ErrorBodies.error("The API key or token is missing or invalid."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, ErrorBodies.error("You don't have permission to do this."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return bug(e);
        }
        LOG.debugf("Client error %d: %s", status, e.getMessage());
        return json(status, ErrorBodies.error(messageFor(status, e)));
    }

    @ServerExceptionMapper
    public Response bug(Throwable e) {
        if (e instanceof WebApplicationException web) {
            if (web.getResponse().getStatus() < 500) {
                return web(web);
            }
        }
        LOG.error("Unhandled error", e);
        return json(500, ErrorBodies.error("Internal server error."));
    }

    private static String messageFor(int status, WebApplicationException e) {
        return switch (status) {
            case 400 -> e.getMessage() == null ? "Bad request." : e.getMessage();
            case 401 -> "The API key or token is missing or invalid.";
            case 403 -> "You don't have permission to do this.";
            case 404 -> "Not found.";
            case 405 -> "Method not allowed.";
            case 406 -> "Not acceptable.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported media type: send application/json.";
            default -> e.getMessage();
        };
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
