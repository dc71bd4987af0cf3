package io.leadline.core.provisioning;

import io.leadline.core.opportunitystatus.OpportunityStatus;

import java.util.List;

/** What Close gives a new organization: its default lead statuses and one sales pipeline. */
final class DefaultConfiguration {

    static final List<String> LEAD_STATUSES = List.of("Potential", "Bad Fit", "Qualified", "Customer");

    static final String PIPELINE_NAME = "Sales";

    static final List<OpportunityStatusDefault> OPPORTUNITY_STATUSES = List.of(
            new OpportunityStatusDefault("Active", OpportunityStatus.ACTIVE),
            new OpportunityStatusDefault("Won", OpportunityStatus.WON),
            new OpportunityStatusDefault("Lost", OpportunityStatus.LOST));

    record OpportunityStatusDefault(String label, String type) {
    }

    private DefaultConfiguration() {
    }
}
