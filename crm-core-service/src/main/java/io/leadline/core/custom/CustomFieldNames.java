package io.leadline.core.custom;

/**
 * What the read statements of leads, contacts and opportunities need to answer {@code _fields=custom.<Field Name>}
 * in the same statement: the (id, name) of the fields a row of the owner may hold — the owner's own and the shared
 * fields associated with it — correlated with the row's organization.
 */
public final class CustomFieldNames {

    private CustomFieldNames() {
    }

    /** {@code owner} is a constant of the caller (lead, contact, opportunity), never a request's text. */
    public static String ofRow(String owner, String organizationColumn) {
        if (!CustomFieldOwner.OF_CORE_OBJECTS.contains(owner)) {
            throw new IllegalArgumentException("not an owner of core objects: " + owner);
        }
        return "select f.id, f.name from custom_field f where f.organization_id = " + organizationColumn
                + " and (f.owner = '" + owner + "' or (f.owner = 'shared' and f.associations -> 'items'"
                + " @> jsonb_build_array(jsonb_build_object('object_type', '" + owner + "'))))";
    }
}
