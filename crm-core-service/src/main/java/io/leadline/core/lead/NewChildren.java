package io.leadline.core.lead;

import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Children created together with a new lead (a lead POST's {@code contacts}, the contact that founds a lead). */
@FunctionalInterface
public interface NewChildren {

    NewChildren NONE = (caller, lead, now) -> Uni.createFrom().item(List.of());

    /** Stores them under the new, already persisted lead, in its transaction; answers their created events. */
    Uni<List<DomainEvent>> create(Caller caller, Lead lead, Instant now);

    /** Several children's, one after another (a reactive session runs one statement at a time). */
    static NewChildren all(List<NewChildren> children) {
        return (caller, lead, now) -> {
            Uni<List<DomainEvent>> events = Uni.createFrom().item(new ArrayList<>());
            for (NewChildren child : children) {
                events = events.chain(sofar -> child.create(caller, lead, now).map(more -> {
                    sofar.addAll(more);
                    return sofar;
                }));
            }
            return events;
        };
    }
}
