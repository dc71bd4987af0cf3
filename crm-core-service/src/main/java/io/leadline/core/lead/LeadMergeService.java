package io.leadline.core.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Merges one lead into another in a single transaction: the source's contacts, opportunities and tasks move to the
 * destination, the destination's blank fields are filled from the source, and the source is deleted. Every event of
 * the merge names both leads in its {@code meta}, so consumers can tell a merge from ordinary edits.
 */
@ApplicationScoped
public class LeadMergeService {

    static final String MERGE_SOURCE = "merge_source_lead_id";
    static final String MERGE_DESTINATION = "merge_destination_lead_id";

    @Inject
    LeadService leadService;

    @Inject
    LeadRepository leads;

    @Inject
    LeadChildren children;

    @Inject
    LeadJson leadJson;

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<Void> merge(Caller caller, MergeRequest request) {
        String org = caller.organizationId();
        // Both rows locked in id order: concurrent merges or contact moves touching these leads wait, never deadlock.
        return leads.lockInOrder(org, List.of(request.source(), request.destination()))
                .chain(() -> checkBothExist(org, request))
                .chain(() -> leadService.loadView(org, request.source()))
                .chain(source -> leadService.loadView(org, request.destination())
                        .chain(destination -> merge(caller, source, destination)));
    }

    /** Close answers 400 (not 404) for an id in a body that names no lead of the organization. */
    private Uni<Void> checkBothExist(String org, MergeRequest request) {
        return leads.findInOrganization(org, request.source()).chain(source -> {
            if (source == null) {
                request.unknownLead(MergeRequest.SOURCE, request.source());
            }
            return leads.findInOrganization(org, request.destination());
        }).invoke(destination -> {
            if (destination == null) {
                request.unknownLead(MergeRequest.DESTINATION, request.destination());
            }
            request.body().throwIfInvalid();
        }).replaceWithVoid();
    }

    private Uni<Void> merge(Caller caller, LeadView source, LeadView destination) {
        Lead from = source.lead();
        Lead to = destination.lead();
        ObjectNode destinationBefore = leadJson.toJson(destination);
        Instant now = CloseDateTimes.now();
        BlankFields.fillFrom(from, to);
        to.touch(caller, now);
        // Every child moves its rows (contacts, opportunities, tasks, in LeadChildren's order) and answers its events.
        return children.moveAll(caller, from, to, now).chain(events -> leads.flush()
                // The moves must reach the database before the source row goes (foreign keys) and before both
                // leads are read back with their children.
                .chain(() -> children.view(caller.organizationId(), from, source.statusLabel()))
                .chain(sourceAfter -> leads.delete(from)
                        .chain(() -> leads.flush())
                        .chain(() -> leadService.loadView(caller.organizationId(), to.id))
                        .chain(merged -> {
                            ObjectNode after = leadJson.toJson(merged);
                            DomainEvent.updated(caller, LeadService.LEAD, to.id, to.id, destinationBefore, after)
                                    .ifPresent(events::add);
                            // Its last state: the lead as it was once its children had moved on.
                            events.add(DomainEvent.deleted(caller, LeadService.LEAD, from.id, from.id,
                                    leadJson.toJson(sourceAfter)));
                            events.add(DomainEvent.of(caller, LeadService.LEAD, to.id, "merged", to.id, List.of(),
                                    null, after));
                            return outbox.appendAll(events.stream()
                                    .map(event -> event.withMeta(MERGE_SOURCE, from.id)
                                            .withMeta(MERGE_DESTINATION, to.id))
                                    .toList());
                        })));
    }
}
