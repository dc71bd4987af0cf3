package io.leadline.gateway.group;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class GroupMemberRepository implements PanacheRepositoryBase<GroupMember, GroupMember.Key> {

    /** The group's user ids, in the order they joined. */
    public Uni<List<String>> userIds(String groupId) {
        return list("groupId = ?1 order by dateCreated, userId", groupId)
                .map(members -> members.stream().map(member -> member.userId).toList());
    }

    public Uni<GroupMember> find(String groupId, String userId) {
        return find("groupId = ?1 and userId = ?2", groupId, userId).firstResult();
    }

    /**
     * Whether the user is an active member of the organization. Asked in HQL by entity name rather than through the
     * membership package's repository, so this package needs nothing of it but the table.
     */
    public Uni<Boolean> isOrganizationMember(String organizationId, String userId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select count(*) from Membership where organizationId = ?1 and userId = ?2",
                        Long.class)
                .setParameter(1, organizationId).setParameter(2, userId).getSingleResult())
                .map(count -> count > 0);
    }
}
