package io.leadline.core.opportunitystatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

import java.util.List;

/**
 * An opportunity status create or update body. An update only renames: the type is fixed once opportunities may
 * have reached the status, and a status moves between pipelines through the pipeline's {@code statuses}.
 */
final class OpportunityStatusInput {

    static final List<String> TYPES = List.of(OpportunityStatus.ACTIVE, OpportunityStatus.WON, OpportunityStatus.LOST);

    final RequestBody body;
    /** Trimmed; null when an update leaves the label alone (or after a field error). */
    final String label;
    /** Null on update. */
    final String type;
    /** The pipeline to add a new status to; null for the organization's first. */
    final String pipelineId;

    private OpportunityStatusInput(RequestBody body, boolean update) {
        this.body = body;
        if (update) {
            this.label = body.has("label") ? body.requiredNonBlank("label") : null;
            this.type = null;
            this.pipelineId = null;
            if (body.has("type")) {
                body.fail("type", "A status's type can't be changed; create a new status instead.");
            }
            if (body.has("pipeline_id")) {
                body.fail("pipeline_id",
                        "Move a status by listing it in the statuses of a pipeline (PUT /pipeline/{id}/).");
            }
        } else {
            this.label = body.requiredNonBlank("label");
            // The Node client creates statuses with only a label; an unnamed type is the ordinary one, active.
            String chosen = body.choice("type", TYPES);
            this.type = chosen == null && !body.has("type") ? OpportunityStatus.ACTIVE : chosen;
            if (type == null && !body.errors().has("type")) {
                body.fail("type", RequestBody.REQUIRED);
            }
            this.pipelineId = body.string("pipeline_id", RequestBody.ID_LENGTH);
        }
    }

    static OpportunityStatusInput forCreate(JsonNode json) {
        return new OpportunityStatusInput(RequestBody.of(json), false);
    }

    static OpportunityStatusInput forUpdate(JsonNode json) {
        return new OpportunityStatusInput(RequestBody.of(json), true);
    }
}
