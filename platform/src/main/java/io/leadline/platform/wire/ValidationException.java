package io.leadline.platform.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A 400 in Close's validation shape: {@code {"errors": [...], "field-errors": {"field": "message"}}}. */
public class ValidationException extends RuntimeException {

    private final List<String> errors;
    private final Map<String, String> fieldErrors;

    public ValidationException(List<String> errors, Map<String, String> fieldErrors) {
        super(describe(errors, fieldErrors), null, false, false);
        this.errors = List.copyOf(errors);
        // Insertion order is kept: clients and tests read the first problem first.
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static ValidationException of(String message) {
        return new ValidationException(List.of(message), Map.of());
    }

    public static ValidationException field(String field, String message) {
        return new ValidationException(List.of(), Map.of(field, message));
    }

    public List<String> errors() {
        return errors;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(List<String> errors, Map<String, String> fieldErrors) {
        return "errors=" + errors + ", field-errors=" + fieldErrors;
    }
}
