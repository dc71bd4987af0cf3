package io.leadline.core.savedsearch;

import io.leadline.core.contact.ContactResource;
import io.leadline.core.lead.LeadReads;
import io.leadline.core.opportunity.OpportunityReads;
import io.leadline.core.task.TaskReads;
import io.leadline.platform.read.ReadTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How each searchable type is read: the same {@link ReadTable} (and so the same wire form, composed fields and
 * orders) its own list uses, and the alias of the object in that table's {@code from}, over which the search's
 * condition is written.
 */
@ApplicationScoped
class SearchTables {

    @Inject
    LeadReads leadReads;

    record Searchable(ReadTable table, String alias) {
    }

    /** The type was checked by the query's parser ({@code SearchFields}), so it is one of these. */
    Searchable of(String objectType) {
        return switch (objectType) {
            case "lead" -> new Searchable(leadReads.table(), "l");
            case "contact" -> new Searchable(ContactResource.TABLE, "c");
            case "opportunity" -> new Searchable(OpportunityReads.TABLE, "o");
            case "task" -> new Searchable(TaskReads.TABLE, "t");
            default -> throw new IllegalArgumentException("not searchable: " + objectType);
        };
    }
}
