package io.leadline.activities.activity;

import io.leadline.platform.richtext.RichText;
import io.leadline.platform.wire.RequestBody;

/**
 * The plain and the rich form of a note (notes, calls: {@code note} and {@code note_html}), kept in sync both ways
 * (NOTES §10.5) by platform's {@link RichText}: writing one regenerates the other, when both are sent
 * {@code note_html} wins, and html is always cleaned to Close's subset (no script or handler is ever stored).
 */
public record NoteText(String plain, String html) {

    public static final NoteText EMPTY = new NoteText("", "");

    /**
     * The note a body sets, or null when it sends neither field. A null value clears the note.
     */
    public static NoteText read(RequestBody body) {
        String html = body.string("note_html", RequestBody.LONG_TEXT_LENGTH);
        String plain = body.string("note", RequestBody.LONG_TEXT_LENGTH);
        if (body.has("note_html")) {
            return html == null ? EMPTY : fromHtml(html);
        }
        if (body.has("note")) {
            return plain == null ? EMPTY : fromPlain(plain);
        }
        return null;
    }

    static NoteText fromPlain(String plain) {
        return new NoteText(plain, RichText.fromPlainText(plain));
    }

    static NoteText fromHtml(String html) {
        String clean = RichText.sanitize(html);
        return new NoteText(RichText.toPlainText(clean), clean);
    }
}
