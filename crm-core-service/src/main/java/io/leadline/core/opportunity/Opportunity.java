package io.leadline.core.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.audit.AuditedWithNames;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A potential deal with a lead. The pipeline is not stored: it is the pipeline of the status, read by join so that a
 * status moved or renamed shows up at once. Money is in cents.
 */
@Entity
@Table(name = "opportunity")
public class Opportunity extends AuditedWithNames {

    public static final String ONE_TIME = "one_time";
    public static final String MONTHLY = "monthly";
    public static final String ANNUAL = "annual";

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "lead_id", nullable = false)
    public String leadId;

    @Column(name = "contact_id")
    public String contactId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "user_name")
    public String userName;

    @Column(name = "status_id", nullable = false)
    public String statusId;

    @Column(nullable = false)
    public int confidence;

    public Long value;

    @Column(name = "value_period", nullable = false)
    public String valuePeriod = ONE_TIME;

    @Column(name = "value_currency", nullable = false)
    public String valueCurrency = "USD";

    @Column(nullable = false)
    public String note = "";

    @Column(name = "date_won")
    public LocalDate dateWon;

    @Column(name = "date_lost")
    public LocalDate dateLost;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> custom = new LinkedHashMap<>();

    @Override
    protected JsonNode document() {
        return OpportunityJson.toJson(new OpportunityView(this, null, null, null, null, null, null));
    }
}
