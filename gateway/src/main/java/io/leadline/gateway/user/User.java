package io.leadline.gateway.user;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person; belongs to organizations only through memberships, so it has no organization of its own. */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String email;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    /** "First Last", what Close shows as *_by_name. */
    public String displayName() {
        return displayName(firstName, lastName);
    }

    public static String displayName(String firstName, String lastName) {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }
}
