package io.leadline.core.custom;

import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A kind of object holding custom values (leads, contacts, opportunities, custom objects), as the removal of a
 * deleted field's values sees it: a bean in the object's own package, so each renders its own {@code updated}
 * events and {@code custom} imports none of them (the same plug-in idea as {@code lead.LeadChild}).
 */
public interface CustomValueHolder {

    /** The table whose {@code custom} column holds the values. */
    String table();

    /**
     * Changes the values of the objects (their rows already locked by the caller's transaction) and answers their
     * {@code updated} events (none for an object whose values didn't change). {@code date_updated} stays: the object
     * wasn't edited, a field or a referenced object went away.
     */
    Uni<List<DomainEvent>> rewrite(Caller caller, List<String> ids, UnaryOperator<Map<String, Object>> change);

    /** One object after another (a reactive session runs one statement at a time), collecting their events. */
    static Uni<List<DomainEvent>> each(List<String> ids, Function<String, Uni<Optional<DomainEvent>>> removeOne) {
        Uni<List<DomainEvent>> all = Uni.createFrom().item(new ArrayList<>());
        for (String id : ids) {
            all = all.chain(events -> removeOne.apply(id).map(event -> {
                event.ifPresent(events::add);
                return events;
            }));
        }
        return all;
    }

    /** The values without the item {@code id} in any of the fields (a list keeps its other items). */
    static Map<String, Object> withoutItem(Map<String, Object> values, Collection<String> fieldIds, String id) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        for (String fieldId : fieldIds) {
            Object value = rest.get(fieldId);
            if (id.equals(value)) {
                rest.remove(fieldId);
            } else if (value instanceof List<?> items && items.contains(id)) {
                List<?> kept = items.stream().filter(item -> !id.equals(item)).toList();
                if (kept.isEmpty()) {
                    rest.remove(fieldId);
                } else {
                    rest.put(fieldId, kept);
                }
            }
        }
        return rest;
    }

    /** The values without the field's. */
    static Map<String, Object> without(Map<String, Object> values, String fieldId) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        rest.remove(fieldId);
        return rest;
    }
}
