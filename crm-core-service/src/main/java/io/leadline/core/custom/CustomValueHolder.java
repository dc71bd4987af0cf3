package io.leadline.core.custom;

import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kind of object holding custom values (leads, contacts, opportunities, custom objects), as the removal of a
 * deleted field's values sees it: a bean in the object's own package, so each renders its own {@code updated}
 * events and {@code custom} imports none of them (the same plug-in idea as {@code lead.LeadChild}).
 */
public interface CustomValueHolder {

    /** The table whose {@code custom} column holds the values. */
    String table();

    /**
     * Removes the field's value from the objects (their rows already locked by the caller's transaction) and answers
     * their {@code updated} events. {@code date_updated} stays: the object wasn't edited, its field went away.
     */
    Uni<List<DomainEvent>> removeValue(Caller caller, String fieldId, List<String> ids);

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

    /** The values without the field's. */
    static Map<String, Object> without(Map<String, Object> values, String fieldId) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        rest.remove(fieldId);
        return rest;
    }
}
