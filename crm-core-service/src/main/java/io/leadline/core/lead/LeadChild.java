package io.leadline.core.lead;

import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.RequestBody;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An aggregate that hangs off a lead (contacts, opportunities, tasks): the one way a child plugs into the lead, on
 * the read and on the write side, so that {@code lead} imports no child package and a new child is a new bean, not
 * a change to lead code. A child may use the lead's public classes; the lead knows children only as this interface
 * (collected by {@link LeadChildren}).
 *
 * <p>One convention for every cascade: a child changes its rows inside the lead's transaction and <em>answers</em>
 * its events; the lead appends them to the outbox together with its own, in a fixed order.
 */
public interface LeadChild {

    /**
     * Where this child comes among the lead's children (lower first): its fields in the lead's wire form, its events
     * on a merge and on a cascade delete follow this order (see {@link #referencedByOtherChildren()}).
     */
    int order();

    /**
     * True when other children's rows point at this child's rows (opportunities and tasks name a contact): a cascade
     * deletes it after all the others, so their rows are gone before its own.
     */
    default boolean referencedByOtherChildren() {
        return false;
    }

    /**
     * Read side: declares on the lead's read table the fields this child composes (e.g. {@code tasks}), as SQL over
     * the lead row aliased {@code lead} (its columns {@code lead.id}, {@code lead.organization_id}, {@code lead.name}).
     */
    void composeLeadFields(String lead, ReadTable.Builder table);

    /**
     * Write side: the same fields as {@link #leadFields} for the lead's events and write answers, rendered from this
     * child's rows as the caller's transaction sees them.
     */
    Uni<LeadFields> fieldsOf(String organizationId, Lead lead);

    /**
     * {@link #fieldsOf} for a lead being created, for its {@code lead.created} event and the POST's answer. A child
     * that can't be created together with a lead (nothing in a lead body or a founding object makes one) has no rows
     * yet and answers its empty fields without a query.
     */
    default Uni<LeadFields> fieldsOfNewLead(String organizationId, Lead lead) {
        return fieldsOf(organizationId, lead);
    }

    /**
     * Reads what a lead body says about this child. On create it answers the children to create with the lead (a
     * lead's {@code contacts}); on update a child that can only be posted with a new lead refuses its field. Field
     * errors go to the body, before anything is written. Most children can't be posted inside a lead.
     */
    default NewChildren readFromLeadBody(RequestBody body, boolean update) {
        return NewChildren.NONE;
    }

    /**
     * A merge: moves every row of {@code from} to {@code to} (managed entities, written at the next flush) and
     * answers their events.
     */
    Uni<List<DomainEvent>> moveAll(Caller caller, Lead from, Lead to, Instant now);

    /** A lead's deletion: deletes every row of the lead and answers their {@code deleted} events. */
    Uni<List<DomainEvent>> deleteAllOf(Caller caller, Lead lead);

    /**
     * How every child's {@link #deleteAllOf} goes: the lead's rows (loaded for their last state) become their
     * {@code deleted} events, then one statement deletes them all (none when the lead has none).
     */
    static <T> Uni<List<DomainEvent>> deleteRows(Uni<List<T>> rows, Function<T, DomainEvent> deleted,
                                                 Supplier<Uni<Long>> deleteAll) {
        return rows.chain(found -> {
            List<DomainEvent> events = found.stream().map(deleted).toList();
            return found.isEmpty() ? Uni.createFrom().item(events) : deleteAll.get().replaceWith(events);
        });
    }
}
