package io.leadline.core.opportunity;

import io.leadline.core.opportunitystatus.OpportunityStatus;
import io.leadline.core.pipeline.Pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks an opportunity's status from what the body asked for: a status (which must belong to the pipeline when one
 * is named too), a pipeline (its first status), or nothing (the first pipeline's first active status).
 */
final class StatusChoice {

    private final List<Pipeline> pipelines;
    private final List<OpportunityStatus> statuses;

    StatusChoice(List<Pipeline> pipelines, List<OpportunityStatus> statuses) {
        this.pipelines = pipelines;
        this.statuses = statuses;
    }

    /** The chosen status, or empty after recording a field error; {@code current} is kept when it still fits. */
    Optional<OpportunityStatus> choose(OpportunityInput input, String currentStatusId) {
        Optional<Pipeline> pipeline = Optional.empty();
        if (input.pipelineId != null) {
            pipeline = pipelines.stream().filter(p -> p.id.equals(input.pipelineId)).findFirst();
            if (pipeline.isEmpty()) {
                input.body.fail("pipeline_id", "Unknown pipeline: " + input.pipelineId + ".");
                return Optional.empty();
            }
        }
        if (input.statusId != null) {
            Optional<OpportunityStatus> status = byId(input.statusId);
            if (status.isEmpty()) {
                input.body.fail("status_id", "Unknown opportunity status: " + input.statusId + ".");
            } else if (pipeline.isPresent() && !status.get().pipelineId.equals(pipeline.get().id)) {
                input.body.fail("status_id", "This status does not belong to the pipeline " + pipeline.get().id + ".");
                return Optional.empty();
            }
            return status;
        }
        if (pipeline.isPresent()) {
            String pipelineId = pipeline.get().id;
            Optional<OpportunityStatus> current = currentStatusId == null ? Optional.empty()
                    : byId(currentStatusId).filter(status -> status.pipelineId.equals(pipelineId));
            return current.or(() -> firstOf(pipelineId)).or(() -> {
                input.body.fail("pipeline_id", "This pipeline has no statuses.");
                return Optional.empty();
            });
        }
        if (currentStatusId != null) {
            return byId(currentStatusId);
        }
        Optional<OpportunityStatus> fallback = pipelines.stream()
                .sorted(Comparator.comparingInt((Pipeline p) -> p.position).thenComparing(p -> p.id))
                .map(p -> firstOf(p.id)).flatMap(Optional::stream).findFirst();
        if (fallback.isEmpty()) {
            input.body.errors().addGeneral("This organization has no opportunity statuses; it has not been provisioned.");
        }
        return fallback;
    }

    private Optional<OpportunityStatus> byId(String id) {
        return statuses.stream().filter(s -> s.id.equals(id)).findFirst();
    }

    /** A pipeline's first active status, else its first status of any type. */
    private Optional<OpportunityStatus> firstOf(String pipelineId) {
        List<OpportunityStatus> ofPipeline = statuses.stream().filter(s -> s.pipelineId.equals(pipelineId))
                .sorted(Comparator.comparingInt((OpportunityStatus s) -> s.position).thenComparing(s -> s.id))
                .toList();
        return ofPipeline.stream().filter(s -> OpportunityStatus.ACTIVE.equals(s.type)).findFirst()
                .or(() -> ofPipeline.stream().findFirst());
    }
}
