package io.leadline.comments.richtext;

import java.util.List;

/**
 * A comment body as stored: the rich text (NOTES §10.5) reduced to the allowed subset, its plain text, and the users
 * and groups it mentions.
 */
public record CommentBody(String html, String text, List<String> mentions) {

    public static CommentBody parse(String html) {
        return new CommentBody(html, html, mentionsIn(html));
    }

    /** The ids of {@code <span data-type="mention" data-id="user_…|group_…">} in a sanitised body, in order, once each. */
    public static List<String> mentionsIn(String html) {
        return List.of();
    }

    /** The mentioned users ({@code user_…}), whose organization is checked; groups are not (see the README). */
    public List<String> mentionedUsers() {
        return mentions.stream().filter(id -> id.startsWith("user_")).toList();
    }

    /** Nothing a reader would see as text (an empty paragraph, only markup the sanitiser removed). */
    public boolean isBlank() {
        return text.isBlank();
    }
}
