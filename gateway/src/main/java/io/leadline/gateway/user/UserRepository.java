package io.leadline.gateway.user;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    public Uni<User> findByEmail(String email) {
        return find("lower(email) = ?1", email.toLowerCase(Locale.ROOT)).firstResult();
    }

    public Uni<List<User>> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }
}
