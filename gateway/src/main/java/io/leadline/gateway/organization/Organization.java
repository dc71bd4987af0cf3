package io.leadline.gateway.organization;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "organizations")
public class Organization extends PanacheEntityBase {

    public static final String DEFAULT_CURRENCY = "USD";

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;
}
