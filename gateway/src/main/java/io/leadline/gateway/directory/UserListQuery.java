package io.leadline.gateway.directory;

import io.leadline.gateway.user.User;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.FieldSelection;

import java.util.Comparator;

/** {@code GET /user/}'s parameters: Close's {@code _order_by} choices, {@code _skip}, {@code _limit}, {@code _fields}. */
public record UserListQuery(Comparator<User> order, int skip, int limit, FieldSelection fields) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 100;

    public static UserListQuery parse(String orderBy, String skip, String limit, String fields) {
        Comparator<User> order = switch (orderBy == null || orderBy.isBlank() ? "first_name,last_name" : orderBy) {
            case "first_name,last_name" -> UserService.order(false);
            case "last_name,first_name" -> UserService.order(true);
            default -> throw new CloseException(400,
                    "_order_by must be one of: first_name,last_name | last_name,first_name.");
        };
        return new UserListQuery(order, integer("_skip", skip, 0, Integer.MAX_VALUE, 0),
                integer("_limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT), FieldSelection.parse(fields));
    }

    private static int integer(String name, String value, int min, int max, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new CloseException(400, name + " must be an integer from " + min + " to " + max + ".");
    }
}
