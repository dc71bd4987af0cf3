package io.leadline.core.pipeline;

import io.leadline.core.opportunitystatus.OpportunityStatus;
import io.leadline.core.opportunitystatus.OpportunityStatusJson;
import io.leadline.core.opportunitystatus.OpportunityStatusRepository;
import io.leadline.core.opportunitystatus.OpportunityStatusService;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pipelines. Listing status ids in a pipeline's {@code statuses} orders them and pulls statuses of other pipelines
 * into it; every pipeline and status that changes that way gets its own update event.
 */
@ApplicationScoped
public class PipelineService {

    static final String OBJECT_TYPE = "pipeline";

    private static final Comparator<OpportunityStatus> BY_POSITION =
            Comparator.comparingInt((OpportunityStatus status) -> status.position).thenComparing(status -> status.id);

    @Inject
    PipelineRepository pipelines;

    @Inject
    OpportunityStatusRepository statuses;

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<ObjectNode> create(Caller caller, PipelineInput input) {
        input.body.throwIfInvalid();
        List<String> requested = input.statusIds;
        String org = caller.organizationId();
        return pipelines.listOrdered(org).chain(existing -> {
            Instant now = CloseDateTimes.now();
            Pipeline pipeline = new Pipeline();
            pipeline.id = Ids.longId("pipe");
            pipeline.organizationId = org;
            pipeline.name = input.name;
            pipeline.position = existing.stream().mapToInt(p -> p.position).max().orElse(-1) + 1;
            pipeline.dateCreated = now;
            pipeline.dateUpdated = now;
            // The row must exist before statuses can reference it.
            return pipelines.persistAndFlush(pipeline).chain(() -> statuses.listOrdered(org)).chain(orgStatuses -> {
                Snapshot before = Snapshot.of(existing, orgStatuses);
                List<DomainEvent> events = new ArrayList<>();
                if (requested != null) {
                    arrange(pipeline, requested, orgStatuses);
                    events.addAll(changesAround(caller, before, Snapshot.of(existing, orgStatuses)));
                }
                ObjectNode data = PipelineJson.toJson(pipeline, inOrder(orgStatuses));
                events.add(0, DomainEvent.created(caller, OBJECT_TYPE, pipeline.id, null, data));
                return outbox.appendAll(events).replaceWith(data);
            });
        });
    }

    @WithTransaction
    public Uni<ObjectNode> update(Caller caller, String id, PipelineInput input) {
        input.body.throwIfInvalid();
        List<String> requested = input.statusIds;
        String org = caller.organizationId();
        return pipelines.findForChange(org, id).onItem().ifNull().failWith(CloseException::notFound)
                .chain(pipeline -> pipelines.listOrdered(org).chain(orgPipelines -> statuses.listOrdered(org)
                        .chain(orgStatuses -> {
                            Snapshot before = Snapshot.of(orgPipelines, orgStatuses);
                            if (input.name != null) {
                                pipeline.name = input.name;
                            }
                            if (requested != null) {
                                arrange(pipeline, requested, orgStatuses);
                            }
                            pipeline.dateUpdated = CloseDateTimes.now();
                            Snapshot after = Snapshot.of(orgPipelines, orgStatuses);
                            List<DomainEvent> events = changesAround(caller, before, after);
                            return outbox.appendAll(events).replaceWith(after.pipelines().get(pipeline.id));
                        })));
    }

    /** Refused while the pipeline still has statuses: they would have nowhere to go. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        String org = caller.organizationId();
        return pipelines.findForChange(org, id).onItem().ifNull().failWith(CloseException::notFound)
                .chain(pipeline -> statuses.listOrdered(org).chain(orgStatuses -> {
                    ObjectNode last = PipelineJson.toJson(pipeline, orgStatuses);
                    if (!last.get("statuses").isEmpty()) {
                        throw ValidationException.of("This pipeline still has statuses; delete them or move them "
                                + "to another pipeline first.");
                    }
                    return pipelines.delete(pipeline)
                            .chain(() -> outbox.append(DomainEvent.deleted(caller, OBJECT_TYPE, id, null, last)));
                }));
    }

    /**
     * The listed statuses first, in the order given (pulled in from other pipelines if need be), then this
     * pipeline's statuses that weren't listed, in their old order, so a partial list never drops a status.
     */
    private static void arrange(Pipeline pipeline, List<String> requested, List<OpportunityStatus> orgStatuses) {
        Map<String, OpportunityStatus> byId = new LinkedHashMap<>();
        orgStatuses.forEach(status -> byId.put(status.id, status));
        List<String> unknown = requested.stream().filter(statusId -> !byId.containsKey(statusId)).toList();
        if (!unknown.isEmpty()) {
            throw ValidationException.field("statuses", "Unknown opportunity status: " + String.join(", ", unknown) + ".");
        }
        List<OpportunityStatus> ordered = new ArrayList<>();
        requested.forEach(statusId -> ordered.add(byId.get(statusId)));
        orgStatuses.stream()
                .filter(status -> status.pipelineId.equals(pipeline.id) && !requested.contains(status.id))
                .sorted(BY_POSITION)
                .forEach(ordered::add);
        for (int i = 0; i < ordered.size(); i++) {
            OpportunityStatus status = ordered.get(i);
            status.pipelineId = pipeline.id;
            status.position = i;
        }
    }

    /** Update events for every pipeline and status whose wire form changed, pipelines first. */
    private static List<DomainEvent> changesAround(Caller caller, Snapshot before, Snapshot after) {
        List<DomainEvent> events = new ArrayList<>();
        before.pipelines().forEach((pipelineId, previous) -> DomainEvent.updated(caller, OBJECT_TYPE, pipelineId, null,
                previous, after.pipelines().get(pipelineId)).ifPresent(events::add));
        before.statuses().forEach((statusId, previous) -> DomainEvent.updated(caller,
                OpportunityStatusService.OBJECT_TYPE, statusId, null, previous, after.statuses().get(statusId))
                .ifPresent(events::add));
        return events;
    }

    /** Statuses by position; the wire form lists each pipeline's statuses in the order it finds them. */
    private static List<OpportunityStatus> inOrder(List<OpportunityStatus> statuses) {
        return statuses.stream().sorted(BY_POSITION).toList();
    }

    /** The wire form of the organization's pipelines and statuses at one moment, by id. */
    private record Snapshot(Map<String, ObjectNode> pipelines, Map<String, ObjectNode> statuses) {
        static Snapshot of(List<Pipeline> pipelineRows, List<OpportunityStatus> unordered) {
            List<OpportunityStatus> statusRows = inOrder(unordered);
            Map<String, ObjectNode> pipelines = new LinkedHashMap<>();
            pipelineRows.forEach(pipeline -> pipelines.put(pipeline.id, PipelineJson.toJson(pipeline, statusRows)));
            Map<String, ObjectNode> statuses = new LinkedHashMap<>();
            statusRows.forEach(status -> statuses.put(status.id, OpportunityStatusJson.toJson(status)));
            return new Snapshot(pipelines, statuses);
        }
    }
}
