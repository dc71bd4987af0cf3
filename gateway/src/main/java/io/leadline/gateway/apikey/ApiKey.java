package io.leadline.gateway.apikey;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An API key, bound to one user in one organization. Only the hash of the full key is stored. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "key_hash", nullable = false, length = 64)
    public String keyHash;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;
}
