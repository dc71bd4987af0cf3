package io.leadline.platform.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes a whole poll at once ({@code batch=true} on the channel), for a consumer that must keep up with every
 * producer: records that are not events go to {@code <topic>.dlq}; the rest reach the {@link EventBatchHandler} in one
 * call, retried with back-off while the failure may pass. When the batch fails for good (one event the handler or
 * PostgreSQL refuses), each event is handed over alone, so only the culprits are dead-lettered and the rest are
 * stored. The batch is acknowledged after that, so the partition never blocks. Built by {@link EventConsumers#batch}.
 */
public final class EventBatchConsumer {

    private final EventBatchHandler handler;
    private final Delivery delivery;

    EventBatchConsumer(EventBatchHandler handler, Delivery delivery) {
        this.handler = handler;
        this.delivery = delivery;
    }

    public Uni<Void> process(KafkaRecordBatch<String, String> batch) {
        List<Parsed> events = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(new Parsed(record, ConsumedEvent.parse(record.getPayload())));
            } catch (IllegalArgumentException notAnEvent) {
                rejected.add(Delivery.deadLetter(record, notAnEvent));
            }
        }
        return inOrder(rejected)
                .chain(() -> events.isEmpty() ? Uni.createFrom().voidItem() : store(events))
                .chain(() -> Delivery.ack(batch));
    }

    private Uni<Void> store(List<Parsed> events) {
        List<ConsumedEvent> all = events.stream().map(Parsed::event).toList();
        return delivery.withRetries(() -> handler.handle(all))
                .onFailure().recoverWithUni(failure -> Delivery.mayPass(failure)
                        ? inOrder(events.stream().map(parsed -> Delivery.deadLetter(parsed.record(), failure)).toList())
                        : oneByOne(events));
    }

    /** Finds the events that cannot be stored, by storing each alone; only those are dead-lettered. */
    private Uni<Void> oneByOne(List<Parsed> events) {
        List<Uni<Void>> each = new ArrayList<>(events.size());
        for (Parsed parsed : events) {
            each.add(Uni.createFrom().deferred(() -> delivery.withRetries(() -> handler.handle(List.of(parsed.event())))
                    .onFailure().recoverWithUni(failure -> Delivery.deadLetter(parsed.record(), failure))));
        }
        return inOrder(each);
    }

    private static Uni<Void> inOrder(List<Uni<Void>> steps) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<Void> step : steps) {
            chain = chain.chain(() -> step);
        }
        return chain;
    }

    private record Parsed(KafkaRecord<String, String> record, ConsumedEvent event) {
    }
}
