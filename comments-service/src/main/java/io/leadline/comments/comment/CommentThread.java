package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.read.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** The one thread of comments on an object; it exists exactly while it has a comment that was not removed. */
@Entity
@Table(name = "comment_thread")
public class CommentThread extends StoredDocument {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "object_id", nullable = false)
    public String objectId;

    @Column(name = "object_type", nullable = false)
    public String objectType;

    /** The lead the object belongs to; follows the object when it moves (reads take it from the column). */
    @Column(name = "lead_id")
    public String leadId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Override
    protected JsonNode document() {
        return ThreadJson.toJson(this, List.of());
    }
}
