package io.leadline.platform.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Consumes a whole Kafka poll at once ({@code batch=true} on the channel): records that are not events go to
 * {@code <topic>.dlq}; records of types nobody here handles cost nothing but the acknowledgement (their CloudEvents
 * {@code ce_type} header says so before any parsing); the rest reach the {@link EventBatchHandler} in one call,
 * retried with back-off while the failure may pass. When the poll fails for good, its events are handed over one by
 * one, in poll order, so only the culprits are dead-lettered and the others applied. The poll is acknowledged after
 * that, so a partition never blocks. Records keep their poll order, which keeps Kafka's order per key (partition).
 * Built by {@link EventConsumers}.
 */
public final class EventConsumer {

    private static final String TYPE_HEADER = "ce_type";

    private final Predicate<String> handledType;
    private final EventBatchHandler handler;
    private final Delivery delivery;

    EventConsumer(Predicate<String> handledType, EventBatchHandler handler, Delivery delivery) {
        this.handledType = handledType;
        this.handler = handler;
        this.delivery = delivery;
    }

    public Uni<Void> process(Message<List<String>> poll) {
        // the poll's own (duplicated) context: every attempt, also those after a dead letter, runs on it
        Context context = Vertx.currentContext();
        List<Parsed> events = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (Message<String> record : records(poll)) {
            String announcedType = announcedType(record);
            if (announcedType != null && !handledType.test(announcedType)) {
                continue;
            }
            try {
                ConsumedEvent event = ConsumedEvent.parse(record.getPayload());
                if (handledType.test(event.type())) {
                    events.add(new Parsed(record, event));
                }
            } catch (IllegalArgumentException notAnEvent) {
                rejected.add(Uni.createFrom().deferred(() -> Delivery.deadLetter(record, notAnEvent)));
            }
        }
        return inOrder(rejected)
                .chain(() -> events.isEmpty() ? Uni.createFrom().voidItem() : apply(context, events))
                .chain(() -> Delivery.ack(poll));
    }

    private Uni<Void> apply(Context context, List<Parsed> events) {
        List<ConsumedEvent> all = events.stream().map(Parsed::event).toList();
        return delivery.withRetries(context, () -> handler.handle(all))
                .onFailure().recoverWithUni(failure -> events.size() == 1
                        ? Delivery.deadLetter(events.get(0).record(), failure)
                        : oneByOne(context, events));
    }

    /** Finds the events that cannot be applied by applying each alone; only those are dead-lettered. */
    private Uni<Void> oneByOne(Context context, List<Parsed> events) {
        return inOrder(events.stream().map(parsed -> Uni.createFrom().deferred(
                        () -> delivery.withRetries(context, () -> handler.handle(List.of(parsed.event())))
                                .onFailure().recoverWithUni(failure -> Delivery.deadLetter(parsed.record(), failure))))
                .toList());
    }

    /**
     * The poll's records, each with its own negative acknowledgement (the dead-letter route). The in-memory connector
     * of the services' tests hands over a plain message of payloads: its records share the poll's acknowledgement.
     */
    @SuppressWarnings("unchecked")
    private static List<Message<String>> records(Message<List<String>> poll) {
        if (poll instanceof KafkaRecordBatch<?, ?> batch) {
            return (List<Message<String>>) (List<?>) batch.getRecords();
        }
        return poll.getPayload().stream().map(Message::of).toList();
    }

    /** The type the producer's relay put in the record's headers, if any. */
    private static String announcedType(Message<String> record) {
        if (record instanceof KafkaRecord<?, ?> kafka) {
            Header type = kafka.getHeaders().lastHeader(TYPE_HEADER);
            return type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static Uni<Void> inOrder(List<Uni<Void>> steps) {
        if (steps.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(step -> step.replaceWith(Boolean.TRUE))
                .collect().last().replaceWithVoid();
    }

    private record Parsed(Message<String> record, ConsumedEvent event) {
    }
}
