package io.leadline.gateway.organization;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** What {@code PUT /organization/{id}/} may change; absent fields stay as they are. */
record OrganizationUpdate(String name, String currency, List<String> leadStatusIds) {

    /** More than any organization has; crm-core's own bound. */
    static final int MAX_LEAD_STATUSES = 1_000;

    static OrganizationUpdate read(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        String name = body.has("name") ? body.requiredNonBlank("name", RequestBody.NAME_LENGTH) : null;
        String currency = body.has("currency") ? currency(body) : null;
        List<String> leadStatusIds = body.has("lead_statuses") ? leadStatusIds(body) : null;
        body.throwIfInvalid();
        return new OrganizationUpdate(name, currency, leadStatusIds);
    }

    /**
     * The new order of the lead statuses: Close's status objects (only their {@code id} counts; labels are changed at
     * {@code /status/lead/}) or bare ids. Whether they are exactly the organization's statuses is crm-core's check.
     */
    private static List<String> leadStatusIds(RequestBody body) {
        ArrayNode array = body.array("lead_statuses", MAX_LEAD_STATUSES);
        if (array == null) {
            body.fail("lead_statuses", "Expected the organization's lead statuses in their new order.");
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : array) {
            JsonNode id = item.isObject() ? item.get("id") : item;
            if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > RequestBody.ID_LENGTH) {
                body.fail("lead_statuses", "Each lead status needs its id.");
                return null;
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static String currency(RequestBody body) {
        String code = body.requiredNonBlank("currency", 3);
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            body.fail("currency", "Not an ISO 4217 currency code: " + code + ".");
            return null;
        }
    }
}
