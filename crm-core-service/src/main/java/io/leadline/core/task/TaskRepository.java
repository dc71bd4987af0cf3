package io.leadline.core.task;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, String> {

    public Uni<Task> findInOrganization(String organizationId, String id) {
        return find("id = :id and organizationId = :org", Parameters.with("id", id).and("org", organizationId))
                .firstResult();
    }

    /** The organization's tasks with these ids, for a bulk update, in id order. */
    public Uni<List<Task>> inOrganization(String organizationId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("organizationId = :org and id in (:ids) order by id",
                Parameters.with("org", organizationId).and("ids", List.copyOf(ids)));
    }

    /** The lead's incomplete tasks in list order (date-only before timed, dateless last). */
    public Uni<List<Task>> incompleteOfLead(String organizationId, String leadId) {
        return list("organizationId = :org and leadId = :lead and isComplete = false order by dateSort, id",
                Parameters.with("org", organizationId).and("lead", leadId));
    }

    public Uni<List<Task>> allOfLead(String organizationId, String leadId) {
        return list("organizationId = :org and leadId = :lead order by id",
                Parameters.with("org", organizationId).and("lead", leadId));
    }

    /** Lead names by lead id, for the {@code lead_name} of a page of tasks, in one query. */
    public Uni<Map<String, String>> leadNames(String organizationId, Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session.createSelectionQuery(
                        "select l.id, l.name from Lead l where l.organizationId = :org and l.id in (:ids)", LeadName.class)
                .setParameter("org", organizationId)
                .setParameter("ids", List.copyOf(leadIds))
                .getResultList()
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    rows.forEach(row -> names.put(row.id(), row.name()));
                    return names;
                }));
    }

    static Collection<String> leadIdsOf(Collection<Task> tasks) {
        return tasks.stream().map(task -> task.leadId).collect(Collectors.toSet());
    }

    /** A row of {@link #leadNames}, built by Hibernate from the selection's items in order. */
    public record LeadName(String id, String name) {
    }
}
