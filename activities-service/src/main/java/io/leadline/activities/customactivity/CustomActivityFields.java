package io.leadline.activities.customactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.activities.leads.LeadProjection;
import io.leadline.platform.events.ConsumedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The projection of crm-core's activity custom fields ({@code custom_fields.activity} events) into
 * {@code custom_activity_field}: what a type shows as its {@code fields} and what custom activities are validated
 * against. Each change is one idempotent statement; a deleted field stays deleted, so a late {@code updated} can't
 * bring it back.
 */
@ApplicationScoped
public class CustomActivityFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A type's fields in the order they were created, as crm-core's wire form (for the reads' {@code fields}). */
    static final String FIELDS_OF_TYPE = "coalesce((select jsonb_agg(f.doc order by f.date_created, f.id)"
            + " from custom_activity_field f where f.organization_id = t.organization_id"
            + " and f.custom_activity_type_id = t.id and not f.deleted), '[]'::jsonb)";

    public Uni<Void> fieldChanged(ConsumedEvent event) {
        var data = event.data();
        String typeId = data.path("custom_activity_type_id").asText(null);
        if (typeId == null) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + " has no custom_activity_type_id");
        }
        String created = data.path("date_created").asText(null);
        return LeadProjection.execute("insert into custom_activity_field (id, organization_id, custom_activity_type_id, date_created,"
                        + " doc) values (?1, ?2, ?3, ?4, cast(cast(?5 as text) as jsonb))"
                        + " on conflict (id) do update set custom_activity_type_id = excluded.custom_activity_type_id,"
                        + " doc = excluded.doc where not custom_activity_field.deleted",
                event.objectId(), event.organizationId(), typeId,
                created == null ? OffsetDateTime.now(ZoneOffset.UTC) : OffsetDateTime.parse(created), data.toString());
    }

    /** crm-core's {@code deleted} events carry the field in {@code previous_data} ({@code data} is null). */
    public Uni<Void> fieldDeleted(ConsumedEvent event) {
        var data = event.json().path("previous_data");
        String typeId = data.path("custom_activity_type_id").asText("");
        return LeadProjection.execute("insert into custom_activity_field (id, organization_id, custom_activity_type_id, date_created,"
                        + " deleted, doc) values (?1, ?2, ?3, now(), true, cast(cast(?4 as text) as jsonb))"
                        + " on conflict (id) do update set deleted = true",
                event.objectId(), event.organizationId(), typeId, data.toString());
    }

    /** The current definitions of a type's fields (crm-core's wire form). */
    public Uni<List<JsonNode>> of(String organizationId, String typeId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(doc as text) from custom_activity_field where organization_id = ?1"
                                + " and custom_activity_type_id = ?2 and not deleted", String.class)
                .setParameter(1, organizationId).setParameter(2, typeId).getResultList())
                .map(docs -> docs.stream().map(CustomActivityFields::parse).toList());
    }

    private static JsonNode parse(String doc) {
        try {
            return JSON.readTree(doc);
        } catch (Exception e) {
            throw new IllegalStateException("a projected custom field is not JSON", e);
        }
    }
}
