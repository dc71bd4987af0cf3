package io.leadline.core.opportunitystatus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ValidationException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Opportunity statuses; each change writes its {@code status.opportunity} event in the same transaction. Moving a
 * status between pipelines is a pipeline update (the pipeline package's {@code PipelineService}), as in Close.
 */
@ApplicationScoped
public class OpportunityStatusService {

    public static final String OBJECT_TYPE = "status.opportunity";

    @Inject
    OpportunityStatusRepository statuses;

    @Inject
    Outbox outbox;

    /** A new status goes last in its pipeline: the pipeline named in the body, else the organization's first. */
    @WithTransaction
    public Uni<OpportunityStatus> create(Caller caller, OpportunityStatusInput input) {
        input.body.throwIfInvalid();
        String org = caller.organizationId();
        return pipelineFor(org, input.pipelineId).chain(pipelineId -> statuses.listOrdered(org).chain(existing -> {
            Instant now = CloseDateTimes.now();
            OpportunityStatus status = new OpportunityStatus();
            status.id = Ids.longId("stat");
            status.organizationId = org;
            status.pipelineId = pipelineId;
            status.label = input.label;
            status.type = input.type;
            status.position = existing.stream().filter(s -> s.pipelineId.equals(pipelineId))
                    .mapToInt(s -> s.position).max().orElse(-1) + 1;
            status.dateCreated = now;
            status.dateUpdated = now;
            return statuses.persist(status)
                    .chain(() -> outbox.append(DomainEvent.created(caller, OBJECT_TYPE, status.id, null,
                            OpportunityStatusJson.toJson(status))))
                    .replaceWith(status);
        }));
    }

    /** Renames only; the type is fixed once opportunities may have reached the status (reports depend on it). */
    @WithTransaction
    public Uni<OpportunityStatus> update(Caller caller, String id, OpportunityStatusInput input) {
        input.body.throwIfInvalid();
        return statuses.findForChange(caller.organizationId(), id).onItem().ifNull().failWith(CloseException::notFound)
                .chain(status -> {
                    ObjectNode before = OpportunityStatusJson.toJson(status);
                    if (input.label != null) {
                        status.label = input.label;
                    }
                    status.dateUpdated = CloseDateTimes.now();
                    return outbox.append(DomainEvent.updated(caller, OBJECT_TYPE, status.id, null, before,
                            OpportunityStatusJson.toJson(status))).replaceWith(status);
                });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        String org = caller.organizationId();
        return statuses.findForChange(org, id).onItem().ifNull().failWith(CloseException::notFound)
                .chain(status -> statuses.countOpportunitiesWith(org, id).chain(used -> {
                    if (used > 0) {
                        throw ValidationException.of("This opportunity status is used by " + used
                                + (used == 1 ? " opportunity" : " opportunities")
                                + "; move them to another status first.");
                    }
                    return statuses.delete(status);
                }).chain(() -> outbox.append(DomainEvent.deleted(caller, OBJECT_TYPE, id, null,
                        OpportunityStatusJson.toJson(status)))));
    }

    /** The pipeline a new status goes into: the one named (row-locked), else the organization's first. */
    private Uni<String> pipelineFor(String org, String pipelineId) {
        if (pipelineId != null) {
            return statuses.lockPipeline(org, pipelineId).onItem().ifNull()
                    .failWith(() -> ValidationException.field("pipeline_id", "Unknown pipeline: " + pipelineId + "."));
        }
        return statuses.firstPipeline(org).onItem().ifNull().failWith(() ->
                ValidationException.field("pipeline_id", "This organization has no pipeline; create one first."));
    }
}
