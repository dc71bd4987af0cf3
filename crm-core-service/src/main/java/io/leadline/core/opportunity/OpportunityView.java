package io.leadline.core.opportunity;

/** An opportunity with what its wire form reads from other tables: status, pipeline, lead and contact names. */
public record OpportunityView(Opportunity opportunity, String statusLabel, String statusType, String pipelineId,
                              String pipelineName, String leadName, String contactName) {
}
