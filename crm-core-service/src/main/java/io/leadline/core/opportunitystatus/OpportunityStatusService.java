package io.leadline.core.opportunitystatus;

import io.leadline.core.pipeline.Pipeline;
import io.leadline.core.pipeline.PipelineJson;
import io.leadline.core.pipeline.PipelineRepository;
import io.leadline.core.pipeline.PipelineService;
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
 * status between pipelines is a pipeline update ({@link PipelineService}), as in Close.
 */
@ApplicationScoped
public class OpportunityStatusService {

    public static final String OBJECT_TYPE = "status.opportunity";

    @Inject
    OpportunityStatusRepository statuses;

    @Inject
    PipelineRepository pipelines;

    @Inject
    Outbox outbox;

    /** A new status goes last in its pipeline: the pipeline named in the body, else the organization's first. */
    @WithTransaction
    public Uni<OpportunityStatus> create(Caller caller, OpportunityStatusInput input) {
        input.body.throwIfInvalid();
        String org = caller.organizationId();
        return pipelineFor(org, input.pipelineId).chain(pipeline -> statuses.listOrdered(org).chain(existing -> {
            Instant now = CloseDateTimes.now();
            OpportunityStatus status = new OpportunityStatus();
            status.id = Ids.longId("stat");
            status.organizationId = org;
            status.pipelineId = pipeline.id;
            status.label = input.label;
            status.type = input.type;
            status.position = existing.stream().filter(s -> s.pipelineId.equals(pipeline.id))
                    .mapToInt(s -> s.position).max().orElse(-1) + 1;
            status.dateCreated = now;
            status.dateUpdated = now;
            return statuses.persist(status)
                    .chain(() -> outbox.append(DomainEvent.created(caller, OBJECT_TYPE, status.id, null,
                            PipelineJson.statusJson(status))))
                    .replaceWith(status);
        }));
    }

    /** Renames only; the type is fixed once opportunities may have reached the status (reports depend on it). */
    @WithTransaction
    public Uni<OpportunityStatus> update(Caller caller, String id, OpportunityStatusInput input) {
        input.body.throwIfInvalid();
        return statuses.findForChange(caller.organizationId(), id).onItem().ifNull().failWith(CloseException::notFound)
                .chain(status -> {
                    ObjectNode before = PipelineJson.statusJson(status);
                    if (input.label != null) {
                        status.label = input.label;
                    }
                    status.dateUpdated = CloseDateTimes.now();
                    return outbox.append(DomainEvent.updated(caller, OBJECT_TYPE, status.id, null, before,
                            PipelineJson.statusJson(status))).replaceWith(status);
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
                        PipelineJson.statusJson(status)))));
    }

    private Uni<Pipeline> pipelineFor(String org, String pipelineId) {
        if (pipelineId != null) {
            return pipelines.findForChange(org, pipelineId).onItem().ifNull()
                    .failWith(() -> ValidationException.field("pipeline_id", "Unknown pipeline: " + pipelineId + "."));
        }
        return pipelines.listOrdered(org).map(rows -> {
            if (rows.isEmpty()) {
                throw ValidationException.field("pipeline_id", "This organization has no pipeline; create one first.");
            }
            return rows.get(0);
        });
    }
}
