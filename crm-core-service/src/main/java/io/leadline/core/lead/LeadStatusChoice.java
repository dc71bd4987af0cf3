package io.leadline.core.lead;

import io.leadline.core.leadstatus.LeadStatus;

import java.util.List;
import java.util.Optional;

/** Picks a lead's status from what the body asked for: an id, a label, or nothing (the organization's default). */
final class LeadStatusChoice {

    private LeadStatusChoice() {
    }

    /** The chosen status, or empty after recording a field error on the input. */
    static Optional<LeadStatus> choose(LeadInput input, List<LeadStatus> statuses) {
        if (input.statusId != null) {
            Optional<LeadStatus> match = statuses.stream().filter(s -> s.id.equals(input.statusId)).findFirst();
            if (match.isEmpty()) {
                input.body.fail("status_id", "Unknown lead status: " + input.statusId + ".");
            }
            return match;
        }
        if (input.statusLabel != null) {
            // An exact label wins; otherwise accept a label that differs only in case, as users type them.
            Optional<LeadStatus> match = statuses.stream().filter(s -> s.label.equals(input.statusLabel)).findFirst()
                    .or(() -> statuses.stream().filter(s -> s.label.equalsIgnoreCase(input.statusLabel)).findFirst());
            if (match.isEmpty()) {
                input.body.fail("status", "Unknown lead status: \"" + input.statusLabel + "\".");
            }
            return match;
        }
        if (statuses.isEmpty()) {
            input.body.errors().addGeneral("This organization has no lead statuses; it has not been provisioned.");
            return Optional.empty();
        }
        return Optional.of(statuses.get(0));
    }
}
