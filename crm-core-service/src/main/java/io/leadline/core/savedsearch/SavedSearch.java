package io.leadline.core.savedsearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.LinkedHashMap;
import java.util.Map;

/** A smart view: a named lead (contact, opportunity) search, private to its creator unless shared. */
@Entity
@Table(name = "saved_search")
public class SavedSearch extends Audited {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "search_type", nullable = false)
    public String type;

    /** The text query (lead query language), or null. */
    public String query;

    /** The structured query, or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "s_query", columnDefinition = "jsonb")
    public Map<String, Object> sQuery;

    /** {@code {"items": [names]}} (JsonColumnLists). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "selected_fields", nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> selectedFields = new LinkedHashMap<>();

    /** {@code whole_org}, {@code user_ids}, {@code group_ids} as sent (the bookkeeping keys are rendered). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sharing_settings", nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> sharing = new LinkedHashMap<>();

    @Column(name = "is_shared", nullable = false)
    public boolean shared;

    @Override
    protected JsonNode document() {
        return SavedSearchJson.toJson(this);
    }
}
