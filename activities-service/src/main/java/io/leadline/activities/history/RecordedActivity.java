package io.leadline.activities.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.Activity;
import io.leadline.activities.activity.ActivityJson;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * An activity recorded from a change elsewhere (a lead created, a status changed, a task completed, leads merged):
 * written once, never edited, so its own wire fields are kept as one JSON object ({@code details}) rather than
 * columns nobody filters by.
 */
@MappedSuperclass
public abstract class RecordedActivity extends Activity {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Column(name = "details")
    String details;

    void details(ObjectNode fields) {
        details = fields.toString();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ActivityJson.base(this);
        if (details != null) {
            try {
                JsonNode fields = JSON.readTree(details);
                fields.fields().forEachRemaining(field -> json.set(field.getKey(), field.getValue()));
            } catch (Exception e) {
                throw new IllegalStateException("stored details of " + id + " are not JSON", e);
            }
        }
        return json;
    }
}
