package io.leadline.activities.note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import io.leadline.activities.activity.ActivityType;
import io.leadline.platform.wire.CloseDateTimes;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import java.time.Instant;

/** Close's Note activity: a plain/rich note with an optional title, pinnable, with attachments. */
@Entity
@DiscriminatorValue(ActivityType.NOTE_NAME)
public class Note extends Activity {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Column(name = "note")
    public String note;

    @Column(name = "note_html")
    public String noteHtml;

    @Column(name = "title")
    public String title;

    @Column(name = "pinned")
    public Boolean pinned;

    @Column(name = "pinned_at")
    public Instant pinnedAt;

    /** The attachments as a JSON array ({@code url}, {@code filename}, {@code content_type}). */
    @Column(name = "attachments")
    public String attachments;

    @Override
    public ActivityType type() {
        return ActivityType.NOTE;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        json.put("note", note);
        json.put("note_html", noteHtml);
        json.put("title", title);
        json.put("pinned", Boolean.TRUE.equals(pinned));
        json.put("pinned_at", pinnedAt == null ? null : CloseDateTimes.format(pinnedAt));
        json.set("attachments", attachmentsJson());
        return json;
    }

    /** Pins or unpins; pinned_at is when it was last pinned. */
    void pin(boolean pin, Instant now) {
        if (pin && !Boolean.TRUE.equals(pinned)) {
            pinnedAt = now;
        } else if (!pin) {
            pinnedAt = null;
        }
        pinned = pin;
    }

    private ArrayNode attachmentsJson() {
        if (attachments == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        try {
            JsonNode parsed = JSON.readTree(attachments);
            return parsed instanceof ArrayNode array ? array : JsonNodeFactory.instance.arrayNode();
        } catch (Exception e) {
            throw new IllegalStateException("stored attachments of " + id + " are not JSON", e);
        }
    }
}
