package io.leadline.core.lead;

import java.util.List;

/**
 * A lead with what its wire form needs from other tables: its status label and the fields each of its children
 * (contacts, opportunities, tasks: {@link LeadChild}) shows in it, rendered when the view was loaded.
 */
public record LeadView(Lead lead, String statusLabel, List<LeadFields> children) {

    /** The lead's own fields only, as its stored document holds them (the reads compose the rest). */
    static LeadView own(Lead lead) {
        return new LeadView(lead, null, List.of());
    }
}
