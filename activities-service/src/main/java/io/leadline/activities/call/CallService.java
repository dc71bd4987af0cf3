package io.leadline.activities.call;

import io.leadline.activities.activity.ActivityStore;
import io.leadline.activities.activity.NoteText;
import io.leadline.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes of logged calls; each commits with its {@code activity.call} event. */
@ApplicationScoped
public class CallService {

    @Inject
    ActivityStore store;

    @WithTransaction
    public Uni<Call> create(Caller caller, CallInput input) {
        Call call = new Call();
        call.direction = input.direction.value();
        call.status = input.status.orElse(null) == null ? Call.DEFAULT_STATUS : input.status.value();
        call.disposition = input.disposition.value();
        call.source = input.source == null ? Call.DEFAULT_SOURCE : input.source;
        call.duration = input.duration.orElse(null) == null ? 0L : input.duration.value();
        call.localPhone = input.localPhone.value();
        // phone is the other party's number, as remote_phone is: either names it
        call.remotePhone = input.remotePhone.value() != null ? input.remotePhone.value() : input.phone.value();
        call.phone = input.phone.value() != null ? input.phone.value() : call.remotePhone;
        call.recordingUrl = input.recordingUrl.value();
        call.voicemailUrl = input.voicemailUrl.value();
        call.voicemailDuration = input.voicemailDuration.orElse(null) == null ? 0L : input.voicemailDuration.value();
        NoteText text = input.text == null ? NoteText.EMPTY : input.text;
        call.note = text.plain();
        call.noteHtml = text.html();
        call.outcomeId = input.outcomeId.value();
        return store.create(caller, call, input.base);
    }

    @WithTransaction
    public Uni<Call> update(Caller caller, String id, CallInput input) {
        return store.update(caller, Call.class, id, input.base, call -> {
            input.direction.ifPresent(direction -> call.direction = direction);
            input.status.ifPresent(status -> call.status = status);
            input.disposition.ifPresent(disposition -> call.disposition = disposition);
            input.duration.ifPresent(duration -> call.duration = duration == null ? 0L : duration);
            input.phone.ifPresent(phone -> call.phone = phone);
            input.localPhone.ifPresent(phone -> call.localPhone = phone);
            input.remotePhone.ifPresent(phone -> call.remotePhone = phone);
            input.recordingUrl.ifPresent(url -> call.recordingUrl = url);
            input.voicemailUrl.ifPresent(url -> call.voicemailUrl = url);
            input.voicemailDuration.ifPresent(seconds -> call.voicemailDuration = seconds == null ? 0L : seconds);
            if (input.text != null) {
                call.note = input.text.plain();
                call.noteHtml = input.text.html();
            }
            input.outcomeId.ifPresent(outcome -> call.outcomeId = outcome);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return store.delete(caller, Call.class, id);
    }
}
