package io.leadline.core.leadstatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

/** A lead status create or update body. The label is required on create; an update may leave it out. */
final class LeadStatusInput {

    final RequestBody body;
    /** Trimmed; null when an update leaves the label alone (or after a field error). */
    final String label;

    private LeadStatusInput(RequestBody body, boolean update) {
        this.body = body;
        this.label = update && !body.has("label") ? null : body.requiredNonBlank("label");
    }

    static LeadStatusInput forCreate(JsonNode json) {
        return new LeadStatusInput(RequestBody.of(json), false);
    }

    static LeadStatusInput forUpdate(JsonNode json) {
        return new LeadStatusInput(RequestBody.of(json), true);
    }
}
