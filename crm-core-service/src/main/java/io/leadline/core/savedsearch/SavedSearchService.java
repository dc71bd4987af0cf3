package io.leadline.core.savedsearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.JsonColumnLists;
import io.leadline.core.search.RelativePeriods;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Smart views: every member may create them (private to the creator unless shared) and change or delete the ones
 * they can see; each write records its {@code saved_search.*} event in the same transaction.
 */
@ApplicationScoped
public class SavedSearchService {

    static final String OBJECT_TYPE = "saved_search";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SavedSearchRepository searches;

    @Inject
    Outbox outbox;

    private Uni<SavedSearch> get(Caller caller, String id) {
        return searches.findVisible(caller.organizationId(), caller.userId(), id)
                .onItem().ifNull().failWith(CloseException::notFound);
    }

    @WithTransaction
    public Uni<SavedSearch> create(Caller caller, SavedSearchInput input) {
        String type = input.type == null ? "lead" : input.type;
        input.check(type, RelativePeriods.offsetOf(caller), caller.userId());
        Instant now = CloseDateTimes.now();
        SavedSearch search = new SavedSearch();
        search.id = Ids.longId("save");
        search.organizationId = caller.organizationId();
        search.userId = caller.userId();
        search.type = type;
        search.sharing = Map.of("whole_org", false, "user_ids", List.of(), "group_ids", List.of());
        search.selectedFields = JsonColumnLists.wrap(List.of());
        apply(search, input);
        search.recordCreation(caller, now);
        return searches.persist(search)
                .chain(() -> outbox.append(DomainEvent.created(caller, OBJECT_TYPE, search.id, null,
                        SavedSearchJson.toJson(search))))
                .replaceWith(search);
    }

    @WithTransaction
    public Uni<SavedSearch> update(Caller caller, String id, SavedSearchInput input) {
        return get(caller, id).chain(search -> {
            String type = input.type == null ? search.type : input.type;
            // a type change re-checks the stored queries too
            input.checkUpdateOf(search, type, RelativePeriods.offsetOf(caller), caller.userId());
            ObjectNode before = SavedSearchJson.toJson(search);
            search.type = type;
            apply(search, input);
            search.touch(caller, CloseDateTimes.now());
            return outbox.append(DomainEvent.updated(caller, OBJECT_TYPE, search.id, null, before,
                    SavedSearchJson.toJson(search))).replaceWith(search);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return get(caller, id).chain(search -> searches.delete(search)
                .chain(() -> outbox.append(DomainEvent.deleted(caller, OBJECT_TYPE, id, null,
                        SavedSearchJson.toJson(search)))));
    }

    @SuppressWarnings("unchecked")
    private static void apply(SavedSearch search, SavedSearchInput input) {
        if (input.name != null) {
            search.name = input.name;
        }
        if (input.body.has("description")) {
            search.description = input.description;
        }
        if (input.body.has("query")) {
            search.query = input.query;
        }
        if (input.body.has("s_query")) {
            search.sQuery = input.sQuery == null ? null : JSON.convertValue(input.sQuery, Map.class);
        }
        if (input.selectedFields != null) {
            search.selectedFields = JsonColumnLists.wrap(input.selectedFields.stream()
                    .map(name -> Map.<String, Object>of("name", name)).toList());
        }
        if (input.sharing != null) {
            search.sharing = input.sharing;
            search.shared = (Boolean) input.sharing.get("whole_org")
                    || !((List<String>) input.sharing.get("user_ids")).isEmpty()
                    || !((List<String>) input.sharing.get("group_ids")).isEmpty();
        }
    }
}
