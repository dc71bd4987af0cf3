package io.leadline.core.leadstatus;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** An organization's lead statuses; every change writes its {@code status.lead} event in the same transaction. */
@ApplicationScoped
public class LeadStatusService {

    static final String OBJECT_TYPE = "status.lead";

    @Inject
    LeadStatusRepository statuses;

    @Inject
    Outbox outbox;

    /** A new status goes last, so the organization's default for new leads stays the same. */
    @WithTransaction
    public Uni<LeadStatus> create(Caller caller, LeadStatusInput input) {
        input.body.throwIfInvalid();
        String label = input.label;
        return statuses.listOrdered(caller.organizationId()).chain(existing -> {
            refuseDuplicate(existing, label, null);
            Instant now = CloseDateTimes.now();
            LeadStatus status = new LeadStatus();
            status.id = Ids.longId("stat");
            status.organizationId = caller.organizationId();
            status.label = label;
            status.position = existing.stream().mapToInt(s -> s.position).max().orElse(-1) + 1;
            status.dateCreated = now;
            status.dateUpdated = now;
            return statuses.persist(status)
                    .chain(() -> outbox.append(DomainEvent.created(caller, OBJECT_TYPE, status.id, null,
                            LeadStatusJson.toJson(status))))
                    .replaceWith(status);
        });
    }

    @WithTransaction
    public Uni<LeadStatus> update(Caller caller, String id, LeadStatusInput input) {
        input.body.throwIfInvalid();
        String label = input.label;
        String org = caller.organizationId();
        return statuses.findForChange(org, id).onItem().ifNull().failWith(CloseException::notFound)
                .chain(status -> statuses.listOrdered(org).chain(existing -> {
                    ObjectNode before = LeadStatusJson.toJson(status);
                    if (label != null) {
                        refuseDuplicate(existing, label, status.id);
                        status.label = label;
                    }
                    status.dateUpdated = CloseDateTimes.now();
                    return outbox.append(DomainEvent.updated(caller, OBJECT_TYPE, status.id, null, before,
                            LeadStatusJson.toJson(status))).replaceWith(status);
                }));
    }

    /** Refused while any lead has the status, and for the last status (new leads need a default). */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        String org = caller.organizationId();
        return statuses.findForChange(org, id).onItem().ifNull().failWith(CloseException::notFound)
                .chain(status -> statuses.countLeadsWith(org, id).chain(leads -> {
                    if (leads > 0) {
                        throw ValidationException.of("This lead status is used by " + leads
                                + (leads == 1 ? " lead" : " leads") + "; move them to another status first.");
                    }
                    return statuses.count("organizationId", org);
                }).chain(count -> {
                    if (count <= 1) {
                        throw ValidationException.of("An organization needs at least one lead status.");
                    }
                    return statuses.delete(status);
                }).chain(() -> outbox.append(DomainEvent.deleted(caller, OBJECT_TYPE, id, null,
                        LeadStatusJson.toJson(status)))));
    }

    /**
     * Puts the organization's statuses in the given order (the gateway's {@code PUT /organization/{id}/} with
     * {@code lead_statuses}). Admins only; the ids must be exactly the organization's statuses, each once, so a
     * reorder never drops or invents one. The first becomes the default for new leads. The statuses' wire form has no
     * position, so no {@code status.lead} event changes.
     */
    @WithTransaction
    public Uni<List<LeadStatus>> reorder(Caller caller, List<String> ids) {
        if (!caller.isAdmin()) {
            throw CloseException.forbidden("Only organization admins can reorder lead statuses.");
        }
        return statuses.listOrdered(caller.organizationId()).map(existing -> {
            Map<String, LeadStatus> byId = new HashMap<>();
            existing.forEach(status -> byId.put(status.id, status));
            if (ids.size() != existing.size() || !byId.keySet().equals(new HashSet<>(ids))) {
                throw ValidationException.field("lead_statuses",
                        "List every lead status of the organization exactly once, in the new order.");
            }
            List<LeadStatus> ordered = new ArrayList<>();
            Instant now = CloseDateTimes.now();
            for (int position = 0; position < ids.size(); position++) {
                LeadStatus status = byId.get(ids.get(position));
                if (status.position != position) {
                    status.position = position;
                    status.dateUpdated = now;
                }
                ordered.add(status);
            }
            return ordered;
        });
    }

    /** Leads may name their status by label, so two statuses must not share one (ignoring case). */
    private static void refuseDuplicate(List<LeadStatus> existing, String label, String exceptId) {
        boolean taken = existing.stream()
                .anyMatch(other -> !other.id.equals(exceptId) && other.label.equalsIgnoreCase(label));
        if (taken) {
            throw ValidationException.field("label", "A lead status with this label already exists.");
        }
    }
}
