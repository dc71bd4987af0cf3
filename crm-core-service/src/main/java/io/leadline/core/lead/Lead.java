package io.leadline.core.lead;

import io.leadline.core.JsonColumnLists;
import io.leadline.core.readmodel.StoredDocument;
import io.quarkus.arc.Arc;
import io.leadline.core.audit.AuditedWithNames;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lead (a company or account). Addresses are a small ordered list owned by the lead; custom field values are kept
 * by field id in one jsonb column, so new custom fields need no schema change.
 */
@Entity
@Table(name = "lead")
public class Lead extends AuditedWithNames implements StoredDocument {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    public String name;

    public String description;

    public String url;

    @Column(name = "status_id", nullable = false)
    public String statusId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "addresses", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> addressesColumn = JsonColumnLists.wrap(List.of());

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> custom = new LinkedHashMap<>();

    public List<Map<String, Object>> addresses() {
        return JsonColumnLists.unwrap(addressesColumn);
    }

    public void setAddresses(List<Map<String, Object>> addresses) {
        addressesColumn = JsonColumnLists.wrap(addresses);
    }

    /**
     * Its own wire form, for the read path (see {@link StoredDocument}); written with every insert and update of the
     * row and never read back into the entity.
     */
    @Column(name = "doc", columnDefinition = "jsonb")
    @ColumnTransformer(read = "null", write = "cast(cast(? as text) as jsonb)")
    String doc;

    @Override
    @PrePersist
    @PreUpdate
    public void renderDocument() {
        doc = Arc.container().instance(LeadJson.class).get().toJson(new LeadView(this, null, List.of())).toString();
    }
}
