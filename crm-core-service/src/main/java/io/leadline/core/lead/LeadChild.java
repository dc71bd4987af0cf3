package io.leadline.core.lead;

import java.util.Map;

/**
 * An aggregate that hangs off a lead (contacts, opportunities, tasks) and shows in the lead's wire form. The lead
 * asks each child for the fields it contributes, as SQL composed into the lead's read statement, so the lead reads
 * in one statement and a new child is a new bean, not a change to lead code.
 */
public interface LeadChild {

    /**
     * The lead's fields this child composes (e.g. {@code tasks}), each a SQL expression over the lead row aliased
     * {@code lead} (its columns {@code lead.id}, {@code lead.organization_id}, {@code lead.name}).
     */
    Map<String, String> leadFields(String lead);
}
