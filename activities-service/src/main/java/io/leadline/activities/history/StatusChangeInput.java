package io.leadline.activities.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityBaseInput;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.RequestBody;

/**
 * A status change to import (Close's history import): {@code lead_id}, {@code new_status_id} (required),
 * {@code old_status_id}, the labels, and for opportunities {@code opportunity_id} (required) and the status types.
 * Status ids are taken as given: they may name statuses that no longer exist, as history does.
 */
final class StatusChangeInput {

    final ActivityBaseInput base;
    private final boolean opportunity;
    private final String opportunityId;
    private final String oldStatusId;
    private final String oldStatusLabel;
    private final String oldStatusType;
    private final String newStatusId;
    private final String newStatusLabel;
    private final String newStatusType;

    private StatusChangeInput(ActivityBaseInput base, boolean opportunity) {
        this.base = base;
        this.opportunity = opportunity;
        RequestBody body = base.body;
        this.opportunityId = opportunity ? body.requiredNonBlank("opportunity_id", RequestBody.ID_LENGTH) : null;
        this.oldStatusId = body.string("old_status_id", RequestBody.ID_LENGTH);
        this.oldStatusLabel = body.string("old_status_label", RequestBody.NAME_LENGTH);
        this.newStatusId = body.requiredNonBlank("new_status_id", RequestBody.ID_LENGTH);
        this.newStatusLabel = body.string("new_status_label", RequestBody.NAME_LENGTH);
        this.oldStatusType = opportunity ? body.choice("old_status_type", OPPORTUNITY_STATUS_TYPES) : null;
        this.newStatusType = opportunity ? body.choice("new_status_type", OPPORTUNITY_STATUS_TYPES) : null;
    }

    private static final java.util.List<String> OPPORTUNITY_STATUS_TYPES = java.util.List.of("active", "won", "lost");

    static StatusChangeInput forLead(JsonNode json, Caller caller, String internalToken) {
        return new StatusChangeInput(ActivityBaseInput.forCreate(RequestBody.of(json), caller, internalToken), false);
    }

    static StatusChangeInput forOpportunity(JsonNode json, Caller caller, String internalToken) {
        return new StatusChangeInput(ActivityBaseInput.forCreate(RequestBody.of(json), caller, internalToken), true);
    }

    ObjectNode fields() {
        ObjectNode fields = LeadStatusChanges.fields(oldStatusId, oldStatusLabel, newStatusId, newStatusLabel);
        if (opportunity) {
            ObjectNode withOpportunity = fields.objectNode();
            withOpportunity.put("opportunity_id", opportunityId);
            withOpportunity.setAll(fields);
            withOpportunity.put("old_status_type", oldStatusType);
            withOpportunity.put("new_status_type", newStatusType);
            withOpportunity.putNull("opportunity_value");
            withOpportunity.putNull("opportunity_value_currency");
            withOpportunity.putNull("opportunity_value_period");
            withOpportunity.putNull("opportunity_confidence");
            withOpportunity.putNull("opportunity_date_won");
            return withOpportunity;
        }
        return fields;
    }
}
