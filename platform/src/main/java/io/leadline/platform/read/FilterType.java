package io.leadline.platform.read;

import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.TextLimits;

import java.util.Optional;

/** How a filter parameter's text becomes a query value. */
public enum FilterType {
    STRING,
    DATETIME,
    DATE,
    BOOLEAN,
    INTEGER;

    /** The typed value, or empty when the text is not of this type. */
    public Optional<Object> parse(String text) {
        return switch (this) {
            // A NUL or unpaired surrogate can't be compared in PostgreSQL (RequestGuard refuses it first; this keeps
            // the read path safe for callers that build parameters themselves).
            case STRING -> TextLimits.unstorable(text) == null ? Optional.of(text) : Optional.empty();
            case DATETIME -> CloseDateTimes.parseInstant(text).map(v -> v);
            case DATE -> CloseDateTimes.parseDate(text).map(v -> v);
            case BOOLEAN -> parseBoolean(text);
            case INTEGER -> parseInteger(text);
        };
    }

    private static Optional<Object> parseBoolean(String text) {
        return switch (text.trim().toLowerCase()) {
            case "true", "1", "yes" -> Optional.of(Boolean.TRUE);
            case "false", "0", "no" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    private static Optional<Object> parseInteger(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
