package io.leadline.core.integrationlink;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

import java.util.List;

/**
 * An integration link body. On create all three fields are required; on update each is optional, but none may be
 * cleared (a link without a name, URL or type can't be shown).
 */
final class IntegrationLinkInput {

    static final List<String> TYPES =
            List.of(IntegrationLink.LEAD, IntegrationLink.CONTACT, IntegrationLink.OPPORTUNITY);

    final RequestBody body;
    final String name;
    final String url;
    final String type;

    private IntegrationLinkInput(RequestBody body, boolean update) {
        this.body = body;
        this.name = text(body, "name", update, RequestBody.NAME_LENGTH);
        this.url = text(body, "url", update, RequestBody.MAX_LENGTH);
        String chosen = body.choice("type", TYPES);
        if (chosen == null && !body.errors().has("type") && (!update || body.has("type"))) {
            body.fail("type", RequestBody.REQUIRED);
        }
        this.type = chosen;
    }

    static IntegrationLinkInput forCreate(JsonNode json) {
        return new IntegrationLinkInput(RequestBody.of(json), false);
    }

    static IntegrationLinkInput forUpdate(JsonNode json) {
        return new IntegrationLinkInput(RequestBody.of(json), true);
    }

    private static String text(RequestBody body, String field, boolean update, int maxLength) {
        if (update && !body.has(field)) {
            return null;
        }
        return body.requiredNonBlank(field, maxLength);
    }
}
