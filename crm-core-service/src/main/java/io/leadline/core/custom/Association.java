package io.leadline.core.custom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shared field's use on one {@link FieldScope}: whether its values are required there, who may edit them there,
 * and its place in that scope's schema (not shown: the schema shows it).
 */
record Association(FieldScope scope, boolean required, List<String> editableWithRoles, int position) {

    private static final String OBJECT_TYPE = "object_type";
    private static final String PARENT_ID = "parent_id";
    private static final String REQUIRED = "required";
    private static final String ROLES = "editable_with_roles";
    private static final String POSITION = "position";

    /** The stored item ({@code parent_id} "" for leads, contacts, opportunities, so containment queries match it). */
    Map<String, Object> toStored() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(OBJECT_TYPE, scope.objectType());
        item.put(PARENT_ID, scope.parentId());
        item.put(REQUIRED, required);
        item.put(ROLES, List.copyOf(editableWithRoles));
        item.put(POSITION, position);
        return item;
    }

    @SuppressWarnings("unchecked")
    static Association fromStored(Map<String, Object> item) {
        Object roles = item.get(ROLES);
        Object position = item.get(POSITION);
        return new Association(new FieldScope((String) item.get(OBJECT_TYPE), (String) item.get(PARENT_ID)),
                Boolean.TRUE.equals(item.get(REQUIRED)), roles == null ? List.of() : List.copyOf((List<String>) roles),
                position instanceof Number number ? number.intValue() : 0);
    }

    /** Close's association object: both type ids always, null where they don't apply (one shape for all). */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put(OBJECT_TYPE, scope.objectType());
        json.put("custom_activity_type_id",
                FieldScope.CUSTOM_ACTIVITY_TYPE.equals(scope.objectType()) ? scope.parentId() : null);
        json.put("custom_object_type_id",
                FieldScope.CUSTOM_OBJECT_TYPE.equals(scope.objectType()) ? scope.parentId() : null);
        json.put(REQUIRED, required);
        editableWithRoles.forEach(json.putArray(ROLES)::add);
        return json;
    }

    Association with(boolean newRequired, List<String> newRoles, int newPosition) {
        return new Association(scope, newRequired, newRoles, newPosition);
    }
}
