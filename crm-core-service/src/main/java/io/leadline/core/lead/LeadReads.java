package io.leadline.core.lead;

import io.leadline.core.custom.CustomFieldOwner;
import io.leadline.core.custom.CustomFieldNames;
import io.leadline.platform.read.FilterType;
import io.leadline.platform.read.ReadTable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How leads are read: the stored document, the status label by join (so a renamed status shows at once), and the
 * fields of its children (contacts, opportunities, tasks), all in one statement.
 */
@ApplicationScoped
public class LeadReads {

    static final String ALIAS = "l";

    @Inject
    LeadChildren children;

    private ReadTable table;

    @PostConstruct
    void build() {
        ReadTable.Builder builder = ReadTable.builder()
                .from("lead l")
                .organizationColumn("l.organization_id")
                .customFieldsOfRow(CustomFieldNames.ofRow(CustomFieldOwner.LEAD, "l.organization_id"))
                .idColumn("l.id")
                .document("l.doc")
                .composed("status_label", "(select ls.label from lead_status ls where ls.id = l.status_id)")
                .filter("id", "l.id", FilterType.STRING)
                .filter("status_id", "l.status_id", FilterType.STRING)
                .filter("date_created", "l.date_created", FilterType.DATETIME)
                .filter("date_updated", "l.date_updated", FilterType.DATETIME)
                .orderBy("date_created", "l.date_created")
                .orderBy("date_updated", "l.date_updated")
                .orderBy("name", "l.name")
                // the lead query language (io.leadline.core.search), read by LeadResource
                .ownParameters("query")
                .defaultOrder("-date_created")
                .maxLimit(100);
        children.all().forEach(child -> child.composeLeadFields(ALIAS, builder));
        table = builder.build();
    }

    public ReadTable table() {
        return table;
    }
}
