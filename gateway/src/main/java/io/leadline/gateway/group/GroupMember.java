package io.leadline.gateway.group;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One user in one group. */
@Entity
@Table(name = "user_group_members")
@IdClass(GroupMember.Key.class)
public class GroupMember extends PanacheEntityBase {

    /** The composite key Hibernate needs: group and user. */
    public static class Key implements Serializable {
        public String groupId;
        public String userId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(groupId, key.groupId) && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, userId);
        }
    }

    @Id
    @Column(name = "group_id")
    public String groupId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;
}
