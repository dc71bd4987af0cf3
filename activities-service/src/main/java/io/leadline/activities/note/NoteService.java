package io.leadline.activities.note;

import io.leadline.activities.activity.ActivityStore;
import io.leadline.activities.activity.NoteText;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes of notes; each commits with its {@code activity.note} event. */
@ApplicationScoped
public class NoteService {

    @Inject
    ActivityStore store;

    @WithTransaction
    public Uni<Note> create(Caller caller, NoteInput input) {
        Note note = new Note();
        NoteText text = input.text == null ? NoteText.EMPTY : input.text;
        note.note = text.plain();
        note.noteHtml = text.html();
        note.title = input.title.value();
        note.attachments = input.attachments.value() == null ? null : input.attachments.value().toString();
        note.pin(Boolean.TRUE.equals(input.pinned), CloseDateTimes.now());
        return store.create(caller, note, input.base);
    }

    @WithTransaction
    public Uni<Note> update(Caller caller, String id, NoteInput input) {
        return store.update(caller, Note.class, id, input.base, note -> {
            if (input.text != null) {
                note.note = input.text.plain();
                note.noteHtml = input.text.html();
            }
            input.title.ifPresent(title -> note.title = title);
            input.attachments.ifPresent(items -> note.attachments = items == null ? null : items.toString());
            if (input.pinned != null) {
                note.pin(input.pinned, CloseDateTimes.now());
            }
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return store.delete(caller, Note.class, id);
    }
}
