package io.leadline.platform.outbox;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Listens on the {@code outbox_event} channel that the outbox table's trigger notifies at every commit, so the
 * relay wakes within milliseconds of a change instead of polling hard. Reconnects by itself after a database restart.
 */
@ApplicationScoped
public class OutboxWakeUps {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUps.class);

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PgSubscriber subscriber;

    void listen(Runnable onWakeUp) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel("outbox_event").handler(payload -> onWakeUp.run());
        subscriber.connect().onFailure(failure ->
                LOG.warnf("Cannot listen for outbox commits, relying on polling: %s", failure.getMessage()));
    }

    @PreDestroy
    void close() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
