package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.JsonText;
import io.leadline.platform.read.StoredDocument;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A kind of activity an organization defines for itself (Close's Custom Activity Type). Its fields are crm-core's
 * activity custom fields, so the stored document carries none: reads compose {@code fields} from the projection.
 */
@Entity
@Table(name = "custom_activity_type")
public class CustomActivityType extends StoredDocument {

    static final String OBJECT_TYPE = "custom_activity_type";

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "api_create_only", nullable = false)
    public boolean apiCreateOnly;

    /** JSON array of role ids, as written. */
    @Column(name = "editable_with_roles", nullable = false)
    public String editableWithRoles = "[]";

    @Column(name = "is_archived", nullable = false)
    public boolean archived;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    /**
     * Whether the caller may create, change or delete activities of this type: a non-empty
     * {@code editable_with_roles} admits only those roles, and admins, who manage the type itself.
     */
    boolean editableBy(Caller caller) {
        JsonNode roles = JsonText.array(editableWithRoles);
        if (roles.isEmpty() || caller.isAdmin()) {
            return true;
        }
        for (JsonNode role : roles) {
            if (role.asText().equals(caller.role())) {
                return true;
            }
        }
        return false;
    }

    /** A 403 unless {@link #editableBy} the caller. */
    void requireEditableBy(Caller caller) {
        if (!editableBy(caller)) {
            throw CloseException.forbidden("Your role can't change activities of the custom activity type " + id
                    + " (editable_with_roles).");
        }
    }

    void touch(Caller caller, Instant now) {
        updatedBy = caller.userId();
        dateUpdated = now;
    }

    /** The wire form without {@code fields} (the events' form; reads add them). */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("organization_id", organizationId);
        json.put("name", name);
        json.put("description", description);
        json.put("api_create_only", apiCreateOnly);
        json.set("editable_with_roles", JsonText.array(editableWithRoles));
        json.put("is_archived", archived);
        json.put("created_by", createdBy);
        json.put("updated_by", updatedBy);
        json.put("date_created", CloseDateTimes.format(dateCreated));
        json.put("date_updated", CloseDateTimes.format(dateUpdated));
        return json;
    }

    @Override
    protected JsonNode document() {
        return toJson();
    }
}
