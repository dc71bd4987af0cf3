package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.custom.CustomValues;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An opportunity create or update body, type-checked field by field. PUT is partial, so each optional field remembers
 * whether it was sent. Checks that need the database (lead, contact, status, pipeline) are added to the same error
 * collector by the service before anything is written.
 */
final class OpportunityInput {

    /** Cents: ten trillion in any currency. Annualized (×12) and summed values stay far inside a bigint. */
    static final long MAX_VALUE = 1_000_000_000_000_000L;
    static final List<String> VALUE_PERIODS = List.of(Opportunity.ONE_TIME, Opportunity.MONTHLY, Opportunity.ANNUAL);

    final RequestBody body;
    final String leadId;
    final String statusId;
    final String pipelineId;
    final Patch<String> contactId;
    final String userId;
    final Patch<Long> value;
    final Patch<String> valuePeriod;
    final Patch<Integer> confidence;
    final Patch<String> note;
    final Patch<LocalDate> dateWon;
    final Patch<LocalDate> dateLost;
    /** Custom values to set (field id to value) and to clear (field id to null). */
    final List<CustomValues.Change> custom;

    private OpportunityInput(RequestBody body, boolean update) {
        this.body = body;
        this.leadId = body.string("lead_id", RequestBody.ID_LENGTH);
        this.statusId = body.string("status_id", RequestBody.ID_LENGTH);
        this.pipelineId = body.string("pipeline_id", RequestBody.ID_LENGTH);
        this.contactId = Patch.read(body, "contact_id", body.string("contact_id", RequestBody.ID_LENGTH));
        this.userId = body.string("user_id", RequestBody.ID_LENGTH);
        this.value = Patch.read(body, "value", body.integer("value", -MAX_VALUE, MAX_VALUE));
        this.valuePeriod = Patch.read(body, "value_period", body.choice("value_period", VALUE_PERIODS));
        this.confidence = Patch.read(body, "confidence", confidence(body));
        this.note = Patch.read(body, "note", body.string("note", RequestBody.LONG_TEXT_LENGTH));
        this.dateWon = Patch.read(body, "date_won", date(body, "date_won"));
        this.dateLost = Patch.read(body, "date_lost", date(body, "date_lost"));
        this.custom = CustomValues.read(body);
        if (update) {
            for (String required : List.of("lead_id", "status_id", "user_id", "pipeline_id")) {
                if (body.isNull(required)) {
                    body.fail(required, "This field may not be null.");
                }
            }
        }
    }

    static OpportunityInput forCreate(JsonNode json) {
        return new OpportunityInput(RequestBody.of(json), false);
    }

    static OpportunityInput forUpdate(JsonNode json) {
        return new OpportunityInput(RequestBody.of(json), true);
    }

    private static Integer confidence(RequestBody body) {
        Long confidence = body.integer("confidence");
        if (confidence == null) {
            return null;
        }
        if (confidence < 0 || confidence > 100) {
            body.fail("confidence", "Ensure this value is between 0 and 100.");
            return null;
        }
        return confidence.intValue();
    }

    /** A date; a datetime is accepted too (the spec types date_won so) and counts for its UTC day. */
    private static LocalDate date(RequestBody body, String field) {
        JsonNode raw = body.json().get(field);
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (!raw.isTextual()) {
            body.fail(field, "Not a valid date.");
            return null;
        }
        Optional<LocalDate> date = CloseDateTimes.parseDate(raw.textValue())
                .or(() -> CloseDateTimes.parseInstant(raw.textValue()).map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate()));
        if (date.isEmpty()) {
            body.fail(field, "Not a valid date.");
        }
        return date.orElse(null);
    }
}
