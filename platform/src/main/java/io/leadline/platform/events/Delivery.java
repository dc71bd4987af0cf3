package io.leadline.platform.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.pgclient.PgException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.function.Supplier;

/** Retrying what may pass, and moving aside what never will. */
final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);

    private final EventConsumerConfig config;

    Delivery(EventConsumerConfig config) {
        this.config = config;
    }

    /**
     * Runs {@code work}, again with back-off while it fails in a way that may pass. Every attempt runs on
     * {@code context}, the Vert.x context the poll arrived on, which Hibernate Reactive sessions require: a back-off
     * timer, or a dead letter's acknowledgement before it, would otherwise resume on another thread, where Panache
     * refuses to open a session (the events after a poison record in a poll were dead-lettered for that reason).
     */
    <T> Uni<T> withRetries(Context context, Supplier<Uni<? extends T>> work) {
        Uni<T> attempt = Uni.createFrom().<T>deferred(work);
        if (context != null) {
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        if (config.attempts() <= 1) {
            return attempt;
        }
        return attempt.onFailure(Delivery::mayPass).retry()
                .withBackOff(config.initialBackOff(), config.maxBackOff())
                .atMost(config.attempts() - 1L);
    }

    static Uni<Void> ack(Message<?> record) {
        return Uni.createFrom().completionStage(record::ack);
    }

    /**
     * Nacks the record so the channel's dead-letter strategy ({@code failure-strategy=dead-letter-queue}) moves it to
     * {@code <source topic>.dlq} with the reason in its headers, and the partition goes on.
     */
    static Uni<Void> deadLetter(Message<?> record, Throwable failure) {
        Metadata routing = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(incoming -> Metadata.of(OutgoingKafkaRecordMetadata.builder()
                        .withTopic(incoming.getTopic() + ".dlq").build()))
                .orElse(Metadata.empty());
        LOG.warnf("Dead-lettering a record of %s: %s", record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic).orElse("an unknown topic"), failure.toString());
        return Uni.createFrom().completionStage(() -> record.nack(failure, routing));
    }

    /**
     * Bad content (not an event, data PostgreSQL refuses: SQLSTATE class 22) fails the same way every time; anything
     * else (connections, timeouts, lock conflicts) may pass on a later attempt. The SQLSTATE comes from the Vert.x
     * client's exception, or from Hibernate's translation of it when a handler wrote through the session.
     */
    static boolean mayPass(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return false;
            }
            String sqlState = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof JDBCException jdbc ? jdbc.getSQLState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (sqlState != null && sqlState.startsWith("22")) {
                return false;
            }
        }
        return true;
    }
}
