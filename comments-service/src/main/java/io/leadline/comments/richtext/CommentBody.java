package io.leadline.comments.richtext;

import io.leadline.platform.richtext.RichText;

import java.util.List;

/**
 * A comment body as stored: the client's rich text cleaned to Close's subset (NOTES §10.5) by platform's
 * {@link RichText} (a maintained sanitiser: scripts, event handlers, {@code javascript:} URLs and unknown tags go,
 * their text stays), its plain text, and the users and groups its mention spans name.
 */
public record CommentBody(String html, String text, List<String> mentions) {

    public static CommentBody parse(String clientHtml) {
        String html = RichText.sanitize(clientHtml);
        return new CommentBody(html, RichText.toPlainText(html), RichText.mentionedIds(html));
    }

    /** The ids of the mention spans in a sanitised body, in order, once each. */
    public static List<String> mentionsIn(String html) {
        return html.isEmpty() ? List.of() : RichText.mentionedIds(html);
    }

    /** The mentioned users ({@code user_…}), whose organization is checked; groups are not (see the README). */
    public List<String> mentionedUsers() {
        return mentions.stream().filter(id -> id.startsWith("user_")).toList();
    }

    /** Nothing a reader would see as text (an empty paragraph, or only markup the sanitiser removed). */
    public boolean isBlank() {
        return text.isBlank();
    }
}
