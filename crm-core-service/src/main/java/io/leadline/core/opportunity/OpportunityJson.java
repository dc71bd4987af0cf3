package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomValues;
import io.leadline.platform.wire.CloseDateTimes;

/** Close's wire form of an opportunity, with the derived money fields and the names read from other tables. */
public final class OpportunityJson {

    private OpportunityJson() {
    }

    public static ObjectNode toJson(OpportunityView view) {
        Opportunity o = view.opportunity();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", o.id);
        json.put("organization_id", o.organizationId);
        json.put("lead_id", o.leadId);
        json.put("lead_name", view.leadName());
        json.put("contact_id", o.contactId);
        json.put("contact_name", view.contactName());
        json.put("user_id", o.userId);
        json.put("user_name", o.userName);
        json.put("status_id", o.statusId);
        json.put("status_label", view.statusLabel());
        json.put("status_type", view.statusType());
        json.put("status_display_name", view.statusLabel());
        json.put("pipeline_id", view.pipelineId());
        json.put("pipeline_name", view.pipelineName());
        json.put("confidence", o.confidence);
        json.put("value", o.value);
        json.put("value_period", o.valuePeriod);
        json.put("value_currency", o.valueCurrency);
        json.put("value_formatted", Money.formatted(o.value, o.valueCurrency));
        json.put("annualized_value", Money.annualized(o.value, o.valuePeriod));
        json.put("expected_value", Money.expected(o.value, o.confidence));
        json.put("annualized_expected_value", Money.expected(Money.annualized(o.value, o.valuePeriod), o.confidence));
        json.put("date_won", CloseDateTimes.format(o.dateWon));
        json.put("date_lost", CloseDateTimes.format(o.dateLost));
        json.put("note", o.note);
        json.putArray("attachments");
        json.putArray("integration_links");
        json.put("created_by", o.createdBy);
        json.put("created_by_name", o.createdByName);
        json.put("updated_by", o.updatedBy);
        json.put("updated_by_name", o.updatedByName);
        json.put("date_created", CloseDateTimes.format(o.dateCreated));
        json.put("date_updated", CloseDateTimes.format(o.dateUpdated));
        CustomValues.write(o.custom, json);
        return json;
    }
}
