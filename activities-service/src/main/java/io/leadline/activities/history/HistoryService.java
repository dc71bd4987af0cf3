package io.leadline.activities.history;

import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityStore;
import io.leadline.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The writes Close allows on recorded activities: importing past status changes, and deleting some types. */
@ApplicationScoped
public class HistoryService {

    @Inject
    ActivityStore store;

    /** A past status change, imported: it never changes the lead's or opportunity's status (NOTES §6.2). */
    @WithTransaction
    public <T extends RecordedActivity> Uni<T> importChange(Caller caller, T change, StatusChangeInput input) {
        change.details(input.fields());
        return store.create(caller, change, input.base);
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, Class<? extends Activity> type, String id) {
        return store.delete(caller, type, id);
    }
}
