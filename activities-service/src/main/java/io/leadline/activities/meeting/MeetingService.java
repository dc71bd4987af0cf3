package io.leadline.activities.meeting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityBaseInput;
import io.leadline.activities.activity.ActivityStore;
import io.leadline.platform.richtext.RichText;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Set;

/** Meetings: recorded from a calendar, then annotated through the API; each change with its event. */
@ApplicationScoped
public class MeetingService {

    /** What a PUT may send: the note, the outcome, and the common fields. */
    private static final Set<String> WRITABLE = Set.of("user_note_html", "outcome_id", "lead_id", "contact_id",
            "activity_at");

    @Inject
    ActivityStore store;

    /** A meeting a calendar reported ({@code details}: its fields as the calendar gave them), starting at {@code startsAt}. */
    @WithTransaction
    public Uni<Meeting> record(Caller caller, String leadId, ObjectNode details, Instant startsAt) {
        Meeting meeting = new Meeting();
        meeting.leadId = leadId;
        meeting.details = details.toString();
        return store.record(caller, meeting, startsAt);
    }

    @WithTransaction
    public Uni<Meeting> update(Caller caller, String id, ActivityBaseInput base) {
        RequestBody body = base.body;
        body.fields().forEachRemaining(field -> {
            if (!WRITABLE.contains(field.getKey())) {
                body.fail(field.getKey(), "Meetings come from calendar sync; only user_note_html and outcome_id change.");
            }
        });
        String html = body.string("user_note_html", RequestBody.LONG_TEXT_LENGTH);
        Patch<String> note = Patch.read(body, "user_note_html", html == null ? null : RichText.sanitize(html));
        Patch<String> outcome = Patch.read(body, "outcome_id", body.string("outcome_id", RequestBody.ID_LENGTH));
        return store.update(caller, Meeting.class, id, base, meeting -> {
            note.ifPresent(value -> meeting.userNoteHtml = value);
            outcome.ifPresent(value -> meeting.outcomeId = value);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return store.delete(caller, Meeting.class, id);
    }
}
