package io.leadline.platform.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects every problem of a request before answering, so a client sees all of them at once. */
public final class FieldErrors {

    private final List<String> errors = new ArrayList<>();
    private final Map<String, String> fieldErrors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        fieldErrors.putIfAbsent(field, message);
        return this;
    }

    public FieldErrors addGeneral(String message) {
        errors.add(message);
        return this;
    }

    public boolean has(String field) {
        return fieldErrors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty() && fieldErrors.isEmpty();
    }

    public void throwIfAny() {
        if (!isEmpty()) {
            throw new ValidationException(errors, fieldErrors);
        }
    }
}
