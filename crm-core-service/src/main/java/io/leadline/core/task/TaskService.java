package io.leadline.core.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.contact.ContactRepository;
import io.leadline.core.lead.LeadRepository;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.read.ReadStatement;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Tasks; every change writes its events ({@code task.<type>.*}) to the outbox in the same transaction. */
@ApplicationScoped
public class TaskService {

    @Inject
    TaskRepository tasks;

    @Inject
    LeadRepository leads;

    @Inject
    ContactRepository contacts;

    @Inject
    Outbox outbox;

    @Inject
    JsonReads reads;

    @WithTransaction
    public Uni<TaskView> create(Caller caller, TaskInput input) {
        input.body.throwIfInvalid();
        String org = caller.organizationId();
        return leads.findInOrganization(org, input.leadId).chain(lead -> {
            if (lead == null) {
                input.body.fail("lead_id", "Unknown lead: " + input.leadId + ".");
            }
            return checkContact(org, input).chain(() -> {
                input.body.throwIfInvalid();
                Task task = newTask(caller, input);
                TaskView view = new TaskView(task, lead.name);
                List<DomainEvent> events = new ArrayList<>();
                ObjectNode data = view.toJson();
                events.add(DomainEvent.created(caller, TaskJson.objectType(task), task.id, task.leadId, data));
                if (task.isComplete) {
                    events.add(completed(caller, task, data));
                }
                return tasks.persist(task).chain(() -> outbox.appendAll(events)).replaceWith(view);
            });
        });
    }

    @WithTransaction
    public Uni<TaskView> update(Caller caller, String id, TaskInput input) {
        // A body that is wrong on its own is refused before touching the database.
        input.body.throwIfInvalid();
        return load(caller.organizationId(), id).chain(view -> {
            if (input.text.isPresent() && !TaskTypes.LEAD.equals(view.task().type)) {
                input.body.fail("text", "Only the text of lead tasks can be changed.");
            }
            input.body.throwIfInvalid();
            return outbox.appendAll(applyAndDescribe(caller, view, input, CloseDateTimes.now())).replaceWith(view);
        });
    }

    /**
     * Applies the same change to every task of {@code ids} (found by {@link #matchingIds} before the transaction, so
     * the transaction holds one pooled connection, never two); answers how many it changed.
     */
    @WithTransaction
    public Uni<Integer> bulkUpdate(Caller caller, List<String> ids, TaskInput input) {
        input.body.throwIfInvalid();
        String org = caller.organizationId();
        return tasks.inOrganization(org, ids).chain(matching ->
                tasks.leadNames(org, TaskRepository.leadIdsOf(matching)).chain(names -> {
                    Instant now = CloseDateTimes.now();
                    List<DomainEvent> events = new ArrayList<>();
                    for (Task task : matching) {
                        events.addAll(applyAndDescribe(caller, new TaskView(task, names.get(task.leadId)), input, now));
                    }
                    return outbox.appendAll(events).replaceWith(matching.size());
                }));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return load(caller.organizationId(), id).chain(view -> {
            Task task = view.task();
            DomainEvent event = DomainEvent.deleted(caller, TaskJson.objectType(task), task.id, task.leadId,
                    view.toJson());
            return tasks.delete(task).chain(() -> outbox.append(event));
        });
    }

    /**
     * The ids of every task the list's filters match, read the way the list reads them: on the read pool, outside any
     * transaction (a bulk update reads them first, then changes the tasks in its own transaction).
     */
    public Uni<List<String>> matchingIds(String org, TaskScope scope, ListQuery query) {
        SqlParameters parameters = new SqlParameters();
        String sql = "select t.id from " + TaskReads.TABLE.from() + " where t.organization_id = " + parameters.bind(org)
                + query.conditions(parameters) + scope.sql(parameters);
        return reads.execute(new ReadStatement(sql, parameters)).map(rows -> {
            List<String> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getString(0)));
            return ids;
        });
    }

    private Uni<TaskView> load(String org, String id) {
        return tasks.findInOrganization(org, id)
                .onItem().ifNull().failWith(CloseException::notFound)
                .chain(task -> tasks.leadNames(org, List.of(task.leadId))
                        .map(names -> new TaskView(task, names.get(task.leadId))));
    }

    /** A contact must exist in the organization and belong to the task's lead. */
    private Uni<Void> checkContact(String org, TaskInput input) {
        if (input.contactId == null) {
            return Uni.createFrom().voidItem();
        }
        return contacts.findInOrganization(org, input.contactId).invoke(contact -> {
            if (contact == null || !contact.leadId.equals(input.leadId)) {
                input.body.fail("contact_id", "Unknown contact on this lead: " + input.contactId + ".");
            }
        }).replaceWithVoid();
    }

    /** Applies a validated update to a managed task and returns its events: updated, then completed if it was. */
    private static List<DomainEvent> applyAndDescribe(Caller caller, TaskView view, TaskInput input, Instant now) {
        Task task = view.task();
        ObjectNode before = view.toJson();
        boolean wasComplete = task.isComplete;
        if (input.assignedTo.isPresent()) {
            assign(caller, task, input.assignedTo.value());
        }
        if (input.text.isPresent()) {
            task.text = input.text.value() == null ? "" : input.text.value();
        }
        if (input.date.isPresent()) {
            task.setDate(input.date.value());
        }
        if (input.isComplete.isPresent()) {
            task.isComplete = input.isComplete.value();
        }
        task.touch(caller, now);
        ObjectNode after = view.toJson();
        List<DomainEvent> events = new ArrayList<>();
        DomainEvent.updated(caller, TaskJson.objectType(task), task.id, task.leadId, before, after)
                .ifPresent(events::add);
        if (!wasComplete && task.isComplete) {
            events.add(completed(caller, task, after));
        }
        return events;
    }

    private static DomainEvent completed(Caller caller, Task task, ObjectNode data) {
        return DomainEvent.of(caller, TaskJson.objectType(task), task.id, "completed", task.leadId, List.of(), null,
                data);
    }

    private static Task newTask(Caller caller, TaskInput input) {
        Instant now = CloseDateTimes.now();
        Task task = new Task();
        task.id = Ids.longId("task");
        task.organizationId = caller.organizationId();
        task.type = input.type;
        task.leadId = input.leadId;
        task.contactId = input.contactId;
        assign(caller, task, input.assignedTo.value() == null ? caller.userId() : input.assignedTo.value());
        task.text = input.text.value() == null ? "" : input.text.value();
        task.setDate(input.date.orElse(TaskDate.NONE));
        task.isComplete = Boolean.TRUE.equals(input.isComplete.value());
        task.recordCreation(caller, now);
        return task;
    }

    /**
     * Users live in the gateway, so the only name this service knows is the caller's; a task assigned to someone
     * else keeps no name until a user directory is available here.
     */
    private static void assign(Caller caller, Task task, String userId) {
        if (userId.equals(task.assignedTo)) {
            return;
        }
        task.assignedTo = userId;
        task.assignedToName = userId.equals(caller.userId()) ? caller.userName() : null;
    }
}
