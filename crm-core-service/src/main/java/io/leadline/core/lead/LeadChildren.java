package io.leadline.core.lead;

import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.RequestBody;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Every {@link LeadChild} bean, in their order, and what the lead does with all of them at once. Each operation asks
 * the children one after another, because a reactive session runs one statement at a time.
 */
@ApplicationScoped
public class LeadChildren {

    @Inject
    @All
    List<LeadChild> beans;

    private List<LeadChild> inOrder;
    private List<LeadChild> deletionOrder;

    @PostConstruct
    void sort() {
        inOrder = beans.stream().sorted(Comparator.comparingInt(LeadChild::order)).toList();
        // Rows the other children point at go last, so nothing refers to them once they are deleted.
        deletionOrder = inOrder.stream()
                .sorted(Comparator.comparing(LeadChild::referencedByOtherChildren)).toList();
    }

    List<LeadChild> all() {
        return inOrder;
    }

    /** The lead with its children's fields, as the current transaction sees them. */
    Uni<LeadView> view(String organizationId, Lead lead, String statusLabel) {
        return collect(inOrder, child -> child.fieldsOf(organizationId, lead).map(List::of))
                .map(fields -> new LeadView(lead, statusLabel, fields));
    }

    /** A lead being created with its children's fields, reading only the children that may have been created with it. */
    Uni<LeadView> viewOfNew(String organizationId, Lead lead, String statusLabel) {
        return collect(inOrder, child -> child.fieldsOfNewLead(organizationId, lead).map(List::of))
                .map(fields -> new LeadView(lead, statusLabel, fields));
    }

    /** What a lead body creates of each child (or refuses, on update); errors go to the body. */
    List<NewChildren> readFromLeadBody(RequestBody body, boolean update) {
        return inOrder.stream().map(child -> child.readFromLeadBody(body, update)).toList();
    }

    Uni<List<DomainEvent>> moveAll(Caller caller, Lead from, Lead to, Instant now) {
        return collect(inOrder, child -> child.moveAll(caller, from, to, now));
    }

    Uni<List<DomainEvent>> deleteAllOf(Caller caller, Lead lead) {
        return collect(deletionOrder, child -> child.deleteAllOf(caller, lead));
    }

    private static <T> Uni<List<T>> collect(List<LeadChild> children, Function<LeadChild, Uni<List<T>>> ask) {
        Uni<List<T>> all = Uni.createFrom().item(new ArrayList<>());
        for (LeadChild child : children) {
            all = all.chain(sofar -> ask.apply(child).map(more -> {
                sofar.addAll(more);
                return sofar;
            }));
        }
        return all;
    }
}
