package io.leadline.core.customobject;

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

/** An instance of a custom object type, on one lead, with a name and the type's custom values. */
@Entity
@Table(name = "custom_object")
public class CustomObject extends Audited {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "custom_object_type_id", nullable = false)
    public String customObjectTypeId;

    @Column(name = "lead_id", nullable = false)
    public String leadId;

    @Column(nullable = false)
    public String name;

    /** Custom values by field id, in their stored form. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> custom = new LinkedHashMap<>();

    @Override
    protected JsonNode document() {
        return CustomObjectJson.toJson(this);
    }
}
