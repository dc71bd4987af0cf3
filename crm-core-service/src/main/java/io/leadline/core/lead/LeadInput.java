package io.leadline.core.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadline.core.custom.CustomValues;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lead create or update body, read and type-checked field by field. Which fields were present matters (PUT is
 * partial), so each optional field is kept together with whether it was sent. Problems that need the database
 * (an unknown status) are added to the same error collector by the service before anything is written.
 */
final class LeadInput {

    private static final List<String> ADDRESS_FIELDS =
            List.of("label", "address_1", "address_2", "city", "state", "zipcode", "country");
    private static final String DEFAULT_ADDRESS_LABEL = "business";

    final RequestBody body;
    final Patch<String> name;
    final Patch<String> description;
    final Patch<String> url;
    final Patch<List<Map<String, Object>>> addresses;
    final String statusId;
    final String statusLabel;
    /** What the body creates of each child with the lead (its {@code contacts}); none on update. */
    final List<NewChildren> children;
    /** The body's custom.… changes as sent; checked and applied by CustomFieldValues. */
    final List<CustomValues.Change> custom;

    private LeadInput(RequestBody body, boolean update, LeadChildren leadChildren) {
        this.body = body;
        this.name = Patch.read(body, "name", body.string("name", RequestBody.NAME_LENGTH));
        this.description = Patch.read(body, "description", body.string("description", RequestBody.LONG_TEXT_LENGTH));
        this.url = Patch.read(body, "url", body.string("url"));
        this.addresses = Patch.read(body, "addresses", readAddresses(body));
        this.statusId = body.string("status_id", RequestBody.ID_LENGTH);
        this.statusLabel = body.string("status", RequestBody.NAME_LENGTH);
        if (update && (body.isNull("status_id") || body.isNull("status"))) {
            body.fail(body.isNull("status_id") ? "status_id" : "status", "A lead always has a status.");
        }
        if (statusId != null && statusLabel != null) {
            body.fail("status", "Send either status_id or status, not both.");
        }
        this.children = leadChildren.readFromLeadBody(body, update);
        this.custom = CustomValues.read(body);
    }

    static LeadInput forCreate(JsonNode json, LeadChildren leadChildren) {
        return new LeadInput(RequestBody.of(json), false, leadChildren);
    }

    static LeadInput forUpdate(JsonNode json, LeadChildren leadChildren) {
        return new LeadInput(RequestBody.of(json), true, leadChildren);
    }

    boolean changesStatus() {
        return statusId != null || statusLabel != null;
    }

    private static List<Map<String, Object>> readAddresses(RequestBody body) {
        ArrayNode array = body.array("addresses");
        List<Map<String, Object>> addresses = new ArrayList<>();
        if (array == null) {
            return addresses;
        }
        for (int i = 0; i < array.size(); i++) {
            RequestBody address = body.nested("addresses", i, array.get(i));
            if (address == null) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String field : ADDRESS_FIELDS) {
                values.put(field, address.string(field));
            }
            if (values.get("label") == null) {
                values.put("label", DEFAULT_ADDRESS_LABEL);
            }
            addresses.add(values);
        }
        return addresses;
    }
}
