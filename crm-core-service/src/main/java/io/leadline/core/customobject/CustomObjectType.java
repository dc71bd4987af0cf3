package io.leadline.core.customobject;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.JsonColumnLists;
import io.leadline.core.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.Map;

/** A kind of custom object an organization defines (e.g. "Vehicle"): its names and who may edit its objects. */
@Entity
@Table(name = "custom_object_type")
public class CustomObjectType extends Audited {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_plural", nullable = false)
    public String namePlural;

    public String description;

    @Column(name = "api_create_only", nullable = false)
    public boolean apiCreateOnly;

    // Hibernate Reactive reads jsonb only into an object (JsonColumnLists).
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "editable_with_roles", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> rolesColumn = JsonColumnLists.wrapValues(List.of());

    @Column(name = "is_archived", nullable = false)
    public boolean isArchived;

    public List<String> editableWithRoles() {
        return JsonColumnLists.unwrapValues(rolesColumn);
    }

    public void setEditableWithRoles(List<String> roles) {
        rolesColumn = JsonColumnLists.wrapValues(roles);
    }

    @Override
    protected JsonNode document() {
        return CustomObjectTypeJson.toJson(this);
    }
}
