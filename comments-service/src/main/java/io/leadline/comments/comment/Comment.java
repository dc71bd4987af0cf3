package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.read.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A comment of a thread. Removing it blanks its body and keeps the row (Close: the comment still exists until the
 * thread's last comment is removed, and then the thread goes with all of them).
 */
@Entity
@Table(name = "comment")
public class Comment extends StoredDocument {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "thread_id", nullable = false)
    public String threadId;

    @Column(name = "object_id", nullable = false)
    public String objectId;

    @Column(name = "object_type", nullable = false)
    public String objectType;

    @Column(name = "lead_id")
    public String leadId;

    /** The sanitised rich text (NOTES §10.5); empty once removed. */
    @Column(nullable = false)
    public String body;

    /** The body as plain text. */
    @Column(name = "body_text", nullable = false)
    public String bodyText;

    @Column(nullable = false)
    public boolean removed;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    @Override
    protected JsonNode document() {
        return CommentJson.toJson(this);
    }
}
