package io.leadline.core.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.JsonColumnLists;
import io.leadline.core.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A custom field definition: what values of one key {@code custom.cf_…} on one kind of object (its owner) may be.
 * The values themselves live on the objects, by field id.
 */
@Entity
@Table(name = "custom_field")
public class CustomField extends Audited {

    private static final String FAILURE_COUNT = "count";

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    /** lead, contact, opportunity, activity, shared or custom_object_type. */
    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "field_type", nullable = false)
    String fieldType;

    @Column(name = "accepts_multiple_values", nullable = false)
    public boolean acceptsMultipleValues;

    // Hibernate Reactive reads jsonb only into an object, so lists are kept under "items".
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "choices", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> choicesColumn = JsonColumnLists.wrapValues(List.of());

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "editable_with_roles", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> rolesColumn = JsonColumnLists.wrapValues(List.of());

    @Column(nullable = false)
    public boolean required;

    @Column(name = "custom_activity_type_id")
    public String customActivityTypeId;

    @Column(name = "custom_object_type_id")
    public String customObjectTypeId;

    @Column(name = "referenced_custom_type_id")
    public String referencedCustomTypeId;

    @Column(name = "back_reference_is_visible", nullable = false)
    public boolean backReferenceIsVisible;

    /** A shared field's uses ({@link Association}s), stored under "items". */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "associations", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> associationsColumn = JsonColumnLists.wrap(List.of());

    /** The type its stored values are being converted to (README "Type changes"); null when none are. */
    @Column(name = "converting_to_type")
    String convertingToType;

    /** What the last conversion couldn't convert: {"items": [{object_type, object_id, value}], "count": n}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "conversion_failures", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> conversionFailuresColumn = JsonColumnLists.wrap(List.of());

    /** Its place in the owner's schema ({@code /custom_field_schema/<owner>/}); new fields go last. */
    @Column(nullable = false)
    public int position;

    public CustomFieldType type() {
        return CustomFieldType.fromWire(fieldType).orElseThrow();
    }

    public void setType(CustomFieldType type) {
        fieldType = type.wire();
    }

    public List<String> choices() {
        return JsonColumnLists.unwrapValues(choicesColumn);
    }

    public void setChoices(List<String> choices) {
        choicesColumn = JsonColumnLists.wrapValues(choices);
    }

    public List<String> editableWithRoles() {
        return JsonColumnLists.unwrapValues(rolesColumn);
    }

    public void setEditableWithRoles(List<String> roles) {
        rolesColumn = JsonColumnLists.wrapValues(roles);
    }

    List<Map<String, Object>> conversionFailures() {
        return JsonColumnLists.unwrap(conversionFailuresColumn);
    }

    /** How many values the last conversion couldn't convert (more than are kept in the list, possibly). */
    int conversionFailureCount() {
        Object count = conversionFailuresColumn.get(FAILURE_COUNT);
        return count instanceof Number number ? number.intValue() : conversionFailures().size();
    }

    void setConversionFailures(List<Map<String, Object>> failures, int count) {
        Map<String, Object> column = new LinkedHashMap<>(JsonColumnLists.wrap(failures));
        column.put(FAILURE_COUNT, count);
        conversionFailuresColumn = column;
    }

    List<Association> associations() {
        return JsonColumnLists.unwrap(associationsColumn).stream().map(Association::fromStored).toList();
    }

    void setAssociations(List<Association> associations) {
        associationsColumn = JsonColumnLists.wrap(associations.stream().map(Association::toStored).toList());
    }

    Optional<Association> association(FieldScope scope) {
        return associations().stream().filter(association -> association.scope().equals(scope)).findFirst();
    }

    /** Who may set its values in the scope: a shared field's association says, others their own setting. */
    List<String> rolesIn(FieldScope scope) {
        return isShared() ? association(scope).map(Association::editableWithRoles).orElse(List.of())
                : editableWithRoles();
    }

    /** Whether a value is required in the scope (per association for shared fields). */
    boolean requiredIn(FieldScope scope) {
        return isShared() ? association(scope).map(Association::required).orElse(false) : required;
    }

    /** Its place in the scope's schema (per association for shared fields). */
    int positionIn(FieldScope scope) {
        return isShared() ? association(scope).map(Association::position).orElse(position) : position;
    }

    boolean isShared() {
        return CustomFieldOwner.SHARED.equals(owner);
    }

    @Override
    protected JsonNode document() {
        return CustomFieldJson.toJson(this);
    }
}
