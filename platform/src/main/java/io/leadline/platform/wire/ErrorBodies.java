package io.leadline.platform.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two body shapes of Close errors. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    public static Map<String, Object> validation(List<String> errors, Map<String, String> fieldErrors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        body.put("field-errors", fieldErrors);
        return body;
    }
}
