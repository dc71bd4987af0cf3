package io.leadline.gateway.oauth;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** The organizations a signed-in user may authorize a client for: those they are a member of. */
@ApplicationScoped
public class OrganizationChoices {

    /** One choice on the consent page. */
    @TemplateData
    public record Choice(String id, String name) {
    }

    @Inject
    Pool pool;

    public Uni<List<Choice>> of(String userId) {
        return pool.preparedQuery("select o.id, o.name from memberships m join organizations o on o.id = "
                        + "m.organization_id where m.user_id = $1 order by o.name, o.id")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<Choice> choices = new ArrayList<>();
                    for (Row row : rows) {
                        choices.add(new Choice(row.getString("id"), row.getString("name")));
                    }
                    return choices;
                });
    }
}
