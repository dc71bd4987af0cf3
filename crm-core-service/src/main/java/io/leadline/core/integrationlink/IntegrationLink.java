package io.leadline.core.integrationlink;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A link template (e.g. {@code https://erp.example/?q={{ lead.display_name }}}) shown on one kind of object. */
@Entity
@Table(name = "integration_link")
public class IntegrationLink extends Audited {

    public static final String LEAD = "lead";
    public static final String CONTACT = "contact";
    public static final String OPPORTUNITY = "opportunity";

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    @Column(name = "link_type", nullable = false)
    public String type;

    @Override
    protected JsonNode document() {
        return IntegrationLinkJson.toJson(this);
    }
}
