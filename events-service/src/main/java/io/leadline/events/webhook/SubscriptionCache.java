package io.leadline.events.webhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The active subscriptions of each organization, so matching a poll's events costs no query when nothing changed
 * (most organizations have none, and that is cached too). A change invalidates its organization here at once and
 * on every other replica through {@code NOTIFY webhook_changed} (sent in the change's transaction, so at commit).
 * A load that raced an invalidation is not kept; entries also expire after a minute, in case a notification was
 * lost while the listening connection was down (it also drops everything when it reconnects).
 */
@ApplicationScoped
public class SubscriptionCache {

    static final String CHANNEL = "webhook_changed";
    private static final Logger LOG = Logger.getLogger(SubscriptionCache.class);

    private final Cache<String, List<Subscription>> byOrganization = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    private final AtomicLong generation = new AtomicLong();

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PgSubscriber subscriber;

    void listen(@Observes StartupEvent startup) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL)
                .subscribeHandler(ignored -> invalidateAll())
                .handler(this::invalidate);
        subscriber.connect().onFailure(failure ->
                LOG.warnf("Cannot listen for webhook changes; cached subscriptions expire after a minute: %s",
                        failure.getMessage()));
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    public void invalidate(String organizationId) {
        generation.incrementAndGet();
        byOrganization.invalidate(organizationId);
    }

    void invalidateAll() {
        generation.incrementAndGet();
        byOrganization.invalidateAll();
    }

    /**
     * The active subscriptions of these organizations: cached ones as they are, the rest in one query on
     * {@code connection} (the consumer's transaction, so matching never waits for a second pooled connection).
     */
    Uni<Map<String, List<Subscription>>> activeOf(SqlClient connection, Collection<String> organizationIds) {
        Map<String, List<Subscription>> found = new HashMap<>(byOrganization.getAllPresent(organizationIds));
        List<String> missing = organizationIds.stream().distinct().filter(org -> !found.containsKey(org)).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        long loadedAt = generation.get();
        return connection.preparedQuery("select id, organization_id, cast(events as text) from webhook"
                        + " where organization_id = any($1) and status = 'active' order by date_created, id")
                .execute(Tuple.of(missing.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<Subscription>> loaded = new HashMap<>();
                    missing.forEach(org -> loaded.put(org, new ArrayList<>()));
                    for (Row row : rows) {
                        loaded.get(row.getString(1)).add(Subscription.of(row.getString(0), row.getString(1),
                                WebhookJson.parse(row.getString(2))));
                    }
                    loaded.replaceAll((org, list) -> List.copyOf(list));
                    if (generation.get() == loadedAt) {
                        byOrganization.putAll(loaded);
                    }
                    found.putAll(loaded);
                    return found;
                });
    }
}
