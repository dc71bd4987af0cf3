package io.leadline.core.custom;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

@ApplicationScoped
public class CustomFieldRepository implements PanacheRepositoryBase<CustomField, String> {

    public Uni<CustomField> findOwned(String organizationId, String owner, String id) {
        return find("id = :id and organizationId = :org and owner = :owner",
                Parameters.with("id", id).and("org", organizationId).and("owner", owner)).firstResult();
    }

    /**
     * The fields of a scope in its schema order: the owner's own (of the scope's parent type) and the shared fields
     * associated with it. What a write of such an object checks its values against (one query).
     */
    public Uni<List<CustomField>> ofScope(String organizationId, FieldScope scope) {
        // The ids by SQL (jsonb containment has no HQL form), then the entities (a native entity query would read
        // the stored document, which the entity never reads back).
        return getSession().chain(session -> session.createNativeQuery("select cf.id from custom_field cf"
                                + " where cf.organization_id = :org and ((cf.owner = :owner"
                                + " and coalesce(cf.custom_activity_type_id, cf.custom_object_type_id, '') = :parent)"
                                + " or (cf.owner = 'shared' and cf.associations -> 'items' @> jsonb_build_array("
                                + "jsonb_build_object('object_type', cast(:type as text), 'parent_id', cast(:parent as text)))))",
                        String.class)
                .setParameter("org", organizationId)
                .setParameter("owner", scope.owner())
                .setParameter("type", scope.objectType())
                .setParameter("parent", scope.parentId())
                .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<CustomField>of())
                        : list("organizationId = ?1 and id in ?2", organizationId, ids))
                .map(found -> found.stream().sorted(Comparator.<CustomField>comparingInt(field -> field.positionIn(scope))
                        .thenComparing(field -> field.id)).toList());
    }

    /**
     * Serializes the name checks (and positions) of one owner's new and renamed fields until the transaction ends,
     * so two concurrent requests can't both pass the check and one of them hit the unique index with a 500.
     */
    public Uni<Void> lockOwner(String organizationId, String owner) {
        return getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(:key))", Integer.class)
                .setParameter("key", "custom_field:" + organizationId + ":" + owner)
                .getSingleResult()).replaceWithVoid();
    }

    /** The position after the owner's last field. */
    public Uni<Integer> nextPosition(String organizationId, String owner) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select coalesce(max(f.position), 0) + 1 from CustomField f"
                                + " where f.organizationId = :org and f.owner = :owner", Integer.class)
                .setParameter("org", organizationId)
                .setParameter("owner", owner)
                .getSingleResult());
    }

    /** Whether another field of the owner (of the same custom activity type) already has the name, ignoring case. */
    public Uni<Boolean> nameTaken(CustomField field, String name) {
        return count("organizationId = :org and owner = :owner and lower(name) = lower(:name) and id <> :id"
                        + " and coalesce(customActivityTypeId, '') = :activityType"
                        + " and coalesce(customObjectTypeId, '') = :objectType",
                Parameters.with("org", field.organizationId).and("owner", field.owner).and("name", name)
                        .and("id", field.id)
                        .and("activityType", field.customActivityTypeId == null ? "" : field.customActivityTypeId)
                        .and("objectType", field.customObjectTypeId == null ? "" : field.customObjectTypeId))
                .map(count -> count > 0);
    }

    /** The ids of the organization's custom_object fields referencing the type (of any owner). */
    public Uni<List<String>> referencing(String organizationId, String typeId) {
        return getSession().chain(session -> session.createNativeQuery("select id from custom_field"
                        + " where organization_id = :org and field_type = 'custom_object'"
                        + " and referenced_custom_type_id = :type", String.class)
                .setParameter("org", organizationId)
                .setParameter("type", typeId)
                .getResultList());
    }

    /**
     * The rows of the table on the lead (the lead itself for the lead table) whose values name the id, locked until
     * the transaction ends. Ids are base62 with a prefix, so their quoted text in the values is exact enough to find
     * the rows; the holder's rewrite removes exactly the field items.
     */
    public Uni<List<String>> lockNaming(String organizationId, String table, String leadId, String id) {
        String lead = "lead".equals(table) ? "id" : "lead_id";
        return getSession().chain(session -> session.createNativeQuery("select id from " + table
                        + " where organization_id = :org and " + lead + " = :lead and strpos(cast(custom as text), :quoted) > 0"
                        + " order by id for update", String.class)
                .setParameter("org", organizationId)
                .setParameter("lead", leadId)
                .setParameter("quoted", "\"" + id + "\"")
                .getResultList());
    }

    /** The fields of one custom object type in their schema order: what its objects' values are checked against. */
    public Uni<List<CustomField>> ofCustomObjectType(String organizationId, String typeId) {
        return list("organizationId = :org and owner = :owner and customObjectTypeId = :type order by position, id",
                Parameters.with("org", organizationId).and("owner", CustomFieldOwner.CUSTOM_OBJECT_TYPE)
                        .and("type", typeId));
    }

    /**
     * Whether the organization has the custom object type. Types belong to the {@code customobject} package, which
     * builds on this one, so the definitions ask its table directly instead of importing it.
     */
    public Uni<Boolean> customObjectTypeExists(String organizationId, String typeId) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from custom_object_type where organization_id = :org and id = :id", Long.class)
                .setParameter("org", organizationId)
                .setParameter("id", typeId)
                .getSingleResult())
                .map(count -> count > 0);
    }

    /** Which of the ids are custom objects of the type on the lead (values of custom_object fields must be). */
    public Uni<List<String>> customObjectsOfLead(String organizationId, String leadId, String typeId,
                                                 Collection<String> ids) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select id from custom_object where organization_id = :org and lead_id = :lead"
                                + " and custom_object_type_id = :type and id in (:ids)", String.class)
                .setParameter("org", organizationId)
                .setParameter("lead", leadId)
                .setParameter("type", typeId)
                .setParameter("ids", List.copyOf(ids))
                .getResultList());
    }

    /** Which of the ids are contacts of the lead (values of contact fields must be). */
    public Uni<List<String>> contactsOfLead(String organizationId, String leadId, Collection<String> ids) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select id from contact where organization_id = :org and lead_id = :lead and id in (:ids)",
                        String.class)
                .setParameter("org", organizationId)
                .setParameter("lead", leadId)
                .setParameter("ids", List.copyOf(ids))
                .getResultList());
    }
}
