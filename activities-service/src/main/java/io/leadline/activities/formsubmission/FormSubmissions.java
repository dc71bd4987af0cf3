package io.leadline.activities.formsubmission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityStore;
import io.leadline.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** Form submissions: recorded when a form is submitted, deleted through the API; each with its event. */
@ApplicationScoped
public class FormSubmissions {

    @Inject
    ActivityStore store;

    @WithTransaction
    public Uni<FormSubmission> record(Caller caller, String leadId, String formId, ObjectNode details,
                                      Instant submittedAt) {
        FormSubmission submission = new FormSubmission();
        submission.leadId = leadId;
        submission.formId = formId;
        submission.details = details.toString();
        return store.record(caller, submission, submittedAt);
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return store.delete(caller, FormSubmission.class, id);
    }
}
