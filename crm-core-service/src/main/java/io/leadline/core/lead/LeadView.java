package io.leadline.core.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.contact.Contact;

import java.util.List;

/**
 * A lead with what its wire form needs from other tables: its status label, its contacts and the wire form of its
 * incomplete tasks and of its opportunities.
 */
public record LeadView(Lead lead, String statusLabel, List<Contact> contacts, List<ObjectNode> tasks,
                       List<ObjectNode> opportunities) {

    public LeadView(Lead lead, String statusLabel, List<Contact> contacts) {
        this(lead, statusLabel, contacts, List.of(), List.of());
    }

    public LeadView withTasks(List<ObjectNode> incompleteTasks) {
        return new LeadView(lead, statusLabel, contacts, incompleteTasks, opportunities);
    }

    public LeadView withOpportunities(List<ObjectNode> leadOpportunities) {
        return new LeadView(lead, statusLabel, contacts, tasks, leadOpportunities);
    }
}
