package io.leadline.core.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.JsonColumnLists;
import io.quarkus.arc.Arc;
import io.leadline.core.audit.AuditedWithNames;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
public class Lead extends AuditedWithNames {

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

    @Override
    protected JsonNode document() {
        return Arc.container().instance(LeadJson.class).get().toJson(LeadView.own(this));
    }
}
