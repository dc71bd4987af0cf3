package io.leadline.core.custom;

import io.leadline.core.JsonColumnLists;
import io.leadline.platform.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Background work on one field's stored values ({@link CustomFieldJobs}): converting them to the field's new type or
 * removing them. The cursor (table, last id) moves with every committed batch, so a crash resumes where it stopped.
 */
@Entity
@Table(name = "custom_field_job")
public class CustomFieldJob {

    static final String CONVERT = "convert";
    static final String REMOVE = "remove";
    /** At most this many failed values are kept for the field; the count says how many there were. */
    static final int MAX_FAILURES = 1_000;

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "field_id", nullable = false)
    public String fieldId;

    @Column(nullable = false)
    public String kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tables", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> tablesColumn;

    @Column(name = "custom_object_type_id")
    public String customObjectTypeId;

    @Column(name = "table_index", nullable = false)
    public int tableIndex;

    @Column(name = "after_id", nullable = false)
    public String afterId = "";

    @Column(nullable = false)
    public int pass = 1;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "caller", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> callerColumn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "failures", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> failuresColumn = JsonColumnLists.wrap(List.of());

    @Column(name = "failure_count", nullable = false)
    public int failureCount;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    List<String> tables() {
        return JsonColumnLists.unwrapValues(tablesColumn);
    }

    void setTables(List<String> tables) {
        tablesColumn = JsonColumnLists.wrapValues(tables);
    }

    /** The caller is kept with the job so the objects' events, written later, still name who changed the field. */
    Caller caller() {
        Map<String, Object> c = callerColumn;
        Object tz = c.get("tz_offset_hours");
        return new Caller((String) c.get("organization_id"), (String) c.get("user_id"), (String) c.get("user_name"),
                (String) c.get("api_key_id"), (String) c.get("role"), (String) c.get("request_id"),
                (String) c.get("request_method"), (String) c.get("request_path"),
                tz instanceof Number number ? number.doubleValue() : 0);
    }

    void setCaller(Caller caller) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("organization_id", caller.organizationId());
        c.put("user_id", caller.userId());
        c.put("user_name", caller.userName());
        c.put("api_key_id", caller.apiKeyId());
        c.put("role", caller.role());
        c.put("request_id", caller.requestId());
        c.put("request_method", caller.requestMethod());
        c.put("request_path", caller.requestPath());
        c.put("tz_offset_hours", caller.tzOffsetHours());
        callerColumn = c;
    }

    List<Map<String, Object>> failures() {
        return JsonColumnLists.unwrap(failuresColumn);
    }

    /** Records a value that could not be converted (kept up to {@link #MAX_FAILURES}, all counted). */
    void recordFailure(String objectType, String objectId, Object value) {
        failureCount++;
        List<Map<String, Object>> kept = new ArrayList<>(failures());
        if (kept.size() < MAX_FAILURES) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("object_type", objectType);
            failure.put("object_id", objectId);
            failure.put("value", value);
            kept.add(failure);
            failuresColumn = JsonColumnLists.wrap(kept);
        }
    }
}
