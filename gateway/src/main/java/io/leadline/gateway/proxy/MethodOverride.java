package io.leadline.gateway.proxy;

import io.leadline.platform.wire.ValidationException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code x-http-method-override} on a POST (NOTES §0): clients whose query string would be too long (long
 * {@code id__in} lists) POST {@code {"_params": {...}}} with the override GET; services only ever see the GET.
 */
public final class MethodOverride {

    public static final String HEADER = "x-http-method-override";
    private static final String PARAMS = "_params";

    private MethodOverride() {
    }

    /** What an {@code x-http-method-override} header asks for. */
    public enum Kind {
        /** No header (or an empty one): the request goes out with its own method. */
        NONE,
        /** A POST that is really a GET: its {@code _params} body becomes the query string. */
        GET,
        /** Anything else: only GET may be tunnelled (Close documents nothing else), so this is a 400. */
        INVALID
    }

    public static final String INVALID_MESSAGE = "x-http-method-override only turns a POST into a GET: its value must be GET.";

    /** Never throws: a malformed value ("GE T", "GET, DELETE", "DELETE") is {@link Kind#INVALID}. */
    public static Kind of(HttpServerRequest request) {
        String header = request.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return Kind.NONE;
        }
        if (!header.trim().equalsIgnoreCase("GET")) {
            return Kind.INVALID;
        }
        HttpMethod method = request.method();
        if (method == HttpMethod.POST) {
            return Kind.GET;
        }
        // a GET (or HEAD) that says it is a GET changes nothing; any other method cannot become one
        return method == HttpMethod.GET || method == HttpMethod.HEAD ? Kind.NONE : Kind.INVALID;
    }

    /** The query string of the GET: the original one plus every {@code _params} entry, lists comma-joined. */
    public static String query(String originalQuery, Buffer body) {
        JsonObject json;
        try {
            json = body.length() == 0 ? new JsonObject() : new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw ValidationException.of("Invalid JSON: the body of a method-overridden request must be an object.");
        }
        Object params = json.getValue(PARAMS);
        if (params != null && !(params instanceof JsonObject)) {
            throw ValidationException.field(PARAMS, "Must be an object of query parameters.");
        }
        List<String> pairs = new ArrayList<>();
        if (originalQuery != null && !originalQuery.isEmpty()) {
            pairs.add(originalQuery);
        }
        if (params != null) {
            for (Map.Entry<String, Object> entry : (JsonObject) params) {
                if (entry.getValue() != null) {
                    pairs.add(encode(entry.getKey()) + "=" + encode(valueOf(entry.getValue())));
                }
            }
        }
        return String.join("&", pairs);
    }

    private static String valueOf(Object value) {
        if (value instanceof JsonArray list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(String.valueOf(item)));
            return String.join(",", items);
        }
        return String.valueOf(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
