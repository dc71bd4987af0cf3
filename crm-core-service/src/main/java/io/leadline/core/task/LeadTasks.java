package io.leadline.core.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadChild;
import io.leadline.core.lead.LeadFields;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.read.ReadTable;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lead endpoints need from tasks: the {@code tasks} embed (incomplete tasks only, as Close shows them),
 * moving them on a merge and the cascade when a lead is deleted. Runs inside the caller's session or transaction.
 */
@ApplicationScoped
public class LeadTasks implements LeadChild {

    @Inject
    TaskRepository tasks;

    /** Last: tasks refer to the lead's contacts. */
    @Override
    public int order() {
        return 3;
    }

    /**
     * The lead's {@code tasks}: its incomplete tasks in list order (a day's date-only tasks before its timed ones,
     * dateless last), composed in the lead's read statement.
     */
    @Override
    public void composeLeadFields(String lead, ReadTable.Builder leadTable) {
        ReadTable table = TaskReads.embeddedIn(lead);
        leadTable.composed("tasks", "coalesce((select jsonb_agg(" + table.json() + " order by t.date_sort, t.id) from "
                + table.from() + " where t.organization_id = " + lead + ".organization_id and t.lead_id = " + lead
                + ".id and not t.is_complete), '[]'::jsonb)");
    }

    /** The lead's {@code tasks} for its events and write answers (inside the writing transaction). */
    @Override
    public Uni<LeadFields> fieldsOf(String organizationId, Lead lead) {
        return tasks.incompleteOfLead(organizationId, lead.id).map(rows -> LeadFields.ofArray("tasks",
                rows.stream().map(task -> TaskJson.toJson(task, lead.name)).toList()));
    }

    /** A task is always posted after its lead exists, so a lead being created has none. */
    @Override
    public Uni<LeadFields> fieldsOfNewLead(String organizationId, Lead lead) {
        return Uni.createFrom().item(LeadFields.ofArray("tasks", List.of()));
    }

    /** Deletes every task of the lead and answers their {@code deleted} events, for the lead's own transaction. */
    @Override
    public Uni<List<DomainEvent>> deleteAllOf(Caller caller, Lead lead) {
        String org = caller.organizationId();
        return LeadChild.deleteRows(tasks.allOfLead(org, lead.id), task -> DomainEvent.deleted(caller,
                TaskJson.objectType(task), task.id, task.leadId, TaskJson.toJson(task, lead.name)),
                () -> tasks.delete("organizationId = ?1 and leadId = ?2", org, lead.id));
    }

    /**
     * Moves every task of {@code from} (complete or not) to {@code to} (managed entities, written at the next flush)
     * and answers their {@code updated} events, for a lead merge's transaction.
     */
    @Override
    public Uni<List<DomainEvent>> moveAll(Caller caller, Lead from, Lead to, Instant now) {
        return tasks.allOfLead(caller.organizationId(), from.id).map(rows -> {
            List<DomainEvent> events = new ArrayList<>();
            for (Task task : rows) {
                ObjectNode previous = TaskJson.toJson(task, from.name);
                task.leadId = to.id;
                task.touch(caller, now);
                DomainEvent.updated(caller, TaskJson.objectType(task), task.id, to.id, previous,
                        TaskJson.toJson(task, to.name)).ifPresent(events::add);
            }
            return events;
        });
    }
}
