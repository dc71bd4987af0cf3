package io.leadline.platform.wire;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before any resource runs, what a client can get wrong outside the body:
 * <ul>
 *   <li>path and query parameters PostgreSQL can't store or compare (a NUL, an unpaired surrogate) or that can't be
 *       decoded (a bad percent-escape): 400. Every path id and filter value reaches a statement as a bound value, so
 *       without this a {@code %00} answered 500 from the database. Bodies are checked where they are read
 *       ({@link RequestBody}).</li>
 *   <li>a {@code Content-Type} that can't be parsed or names a charset Java doesn't know: 415;</li>
 *   <li>an {@code Accept} that can't be parsed: 406.</li>
 * </ul>
 */
public class RequestGuard {

    @ServerRequestFilter(preMatching = true)
    public void refuseMalformed(ContainerRequestContext request) {
        checkParameters(request.getUriInfo());
        checkContentType(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        checkAccept(request.getHeaders().get(HttpHeaders.ACCEPT));
    }

    static void checkParameters(UriInfo uri) {
        List<PathSegment> segments;
        MultivaluedMap<String, String> query;
        try {
            segments = uri.getPathSegments(true);
            query = uri.getQueryParameters(true);
        } catch (IllegalArgumentException malformed) {
            throw ValidationException.of("The URL is malformed: it holds an invalid percent-escape.");
        }
        for (PathSegment segment : segments) {
            String problem = TextLimits.unstorable(segment.getPath());
            if (problem != null) {
                throw ValidationException.of("The URL path is invalid. " + problem);
            }
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String problem = TextLimits.unstorable(parameter.getKey());
            for (String value : parameter.getValue()) {
                if (problem == null) {
                    problem = TextLimits.unstorable(value);
                }
            }
            if (problem != null) {
                throw ValidationException.field(parameter.getKey(), problem);
            }
        }
    }

    private static void checkContentType(String header) {
        if (header == null || header.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException malformed) {
            throw new CloseException(415, "Unsupported media type: send application/json.");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !isKnownCharset(charset)) {
            throw new CloseException(415, "Unsupported charset: send application/json in UTF-8.");
        }
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name.trim());
        } catch (IllegalArgumentException illegal) { // IllegalCharsetNameException among them
            return false;
        }
    }

    private static void checkAccept(List<String> headers) {
        if (headers == null) {
            return;
        }
        for (String header : headers) {
            for (String item : header.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                try {
                    MediaType.valueOf(item.trim());
                } catch (IllegalArgumentException malformed) {
                    throw new CloseException(406, "Not acceptable: the Accept header is malformed; accept application/json.");
                }
            }
        }
    }
}
