package io.leadline.platform.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code _fields} parameter: a comma list of top-level fields. {@code custom} selects every
 * {@code custom.cf_…} key, {@code custom.cf_x} one of them. Absent means every field.
 */
public final class FieldSelection {

    private static final String CUSTOM = "custom";
    private static final FieldSelection ALL = new FieldSelection(null);
    private final Set<String> names;

    private FieldSelection(Set<String> names) {
        this.names = names;
    }

    public static FieldSelection all() {
        return ALL;
    }

    public static FieldSelection parse(String fields) {
        if (fields == null || fields.isBlank()) {
            return ALL;
        }
        Set<String> names = Arrays.stream(fields.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return names.isEmpty() ? ALL : new FieldSelection(names);
    }

    public boolean isAll() {
        return names == null;
    }

    /** The names asked for, in the order given; empty when every field is wanted. */
    public Set<String> names() {
        return names == null ? Set.of() : java.util.Collections.unmodifiableSet(names);
    }

    /** True when {@code custom} was asked for, which selects every {@code custom.cf_…} key. */
    public boolean wantsAllCustom() {
        return names == null || names.contains(CUSTOM);
    }

    /** True when the caller wants this field, so expensive fields can be skipped when they don't. */
    public boolean wants(String field) {
        return names == null || names.contains(field);
    }

    public ObjectNode apply(ObjectNode object) {
        if (names == null) {
            return object;
        }
        ObjectNode selected = object.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (selects(field.getKey())) {
                selected.set(field.getKey(), field.getValue());
            }
        }
        return selected;
    }

    private boolean selects(String key) {
        return names.contains(key) || (key.startsWith(CUSTOM + ".") && names.contains(CUSTOM));
    }
}
