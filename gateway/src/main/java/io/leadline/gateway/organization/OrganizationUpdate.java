package io.leadline.gateway.organization;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

import java.util.Currency;
import java.util.Locale;

/** What {@code PUT /organization/{id}/} may change; absent fields stay as they are. */
record OrganizationUpdate(String name, String currency) {

    static OrganizationUpdate read(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        String name = body.has("name") ? body.requiredNonBlank("name", RequestBody.NAME_LENGTH) : null;
        String currency = body.has("currency") ? currency(body) : null;
        if (body.has("lead_statuses")) {
            // crm-core owns the statuses and their order; the gateway does not change them behind its back
            body.fail("lead_statuses", "Reordering lead statuses here is not supported yet; "
                    + "statuses are managed at /status/lead/.");
        }
        body.throwIfInvalid();
        return new OrganizationUpdate(name, currency);
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
