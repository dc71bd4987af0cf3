package io.leadline.gateway.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.platform.wire.RequestBody;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads {@code POST}/{@code PUT /role/} bodies onto a definition: fields left out keep the current value (none for a
 * new role). Close's rule holds for the result: a role that sees all leads has no visibility settings, any other one
 * has a behavior (we default it to {@code require_assignment}).
 */
final class RoleInput {

    private RoleInput() {
    }

    static RoleDefinition read(JsonNode json, RoleDefinition current) {
        RequestBody body = RequestBody.of(json);
        String name = current == null || body.has("name")
                ? body.requiredNonBlank("name", RequestBody.NAME_LENGTH) : current.name();
        List<String> permissions = body.has("permissions") ? permissions(body)
                : current == null ? List.of() : current.permissions();
        List<String> lcfIds = body.has("visibility_user_lcf_ids") ? lcfIds(body)
                : current == null ? null : current.visibilityUserLcfIds();
        String behavior = body.has("visibility_user_lcf_behavior")
                ? body.choice("visibility_user_lcf_behavior", RoleDefinition.BEHAVIORS)
                : current == null ? null : current.visibilityUserLcfBehavior();
        body.throwIfInvalid();
        boolean seesAll = permissions.contains(RoleDefinition.VIEW_ALL_LEADS);
        if (seesAll) {
            if (lcfIds != null && !lcfIds.isEmpty()) {
                body.fail("visibility_user_lcf_ids", "Must be empty when the role has view_all_leads.");
            }
            if (behavior != null && body.has("visibility_user_lcf_behavior")) {
                body.fail("visibility_user_lcf_behavior", "Must be empty when the role has view_all_leads.");
            }
            body.throwIfInvalid();
            return new RoleDefinition(name, permissions, null, null);
        }
        return new RoleDefinition(name, permissions, lcfIds == null ? List.of() : lcfIds,
                behavior == null ? "require_assignment" : behavior);
    }

    private static List<String> permissions(RequestBody body) {
        ArrayNode array = body.array("permissions");
        TreeSet<String> names = new TreeSet<>();
        if (array != null) {
            for (JsonNode item : array) {
                if (!item.isTextual() || !RoleDefinition.PERMISSIONS.contains(item.asText())) {
                    body.fail("permissions", "Unknown permission " + item + ". Choose from: "
                            + String.join(", ", RoleDefinition.PERMISSIONS) + ".");
                    return List.of();
                }
                names.add(item.asText());
            }
        }
        return List.copyOf(names);
    }

    private static List<String> lcfIds(RequestBody body) {
        ArrayNode array = body.array("visibility_user_lcf_ids");
        List<String> ids = new ArrayList<>();
        if (array != null) {
            for (JsonNode item : array) {
                if (!item.isTextual() || !item.asText().matches("cf_[A-Za-z0-9]{1,61}")) {
                    body.fail("visibility_user_lcf_ids", "Expected lead custom field ids (cf_…).");
                    return List.of();
                }
                if (!ids.contains(item.asText())) {
                    ids.add(item.asText());
                }
            }
        }
        return ids;
    }
}
