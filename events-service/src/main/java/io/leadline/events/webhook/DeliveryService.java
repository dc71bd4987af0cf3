package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.events.eventlog.StoredEvent;
import io.leadline.platform.events.ConsumedEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The delivery log of a subscription, redelivery and replay (Leadline extensions, README "Webhooks"). */
@ApplicationScoped
public class DeliveryService {

    /** Events one replay call schedules at most; the answer says where to go on from. */
    static final int REPLAY_BATCH = 10_000;

    @Inject
    WebhookService webhooks;

    @Inject
    Pool pool;

    @Inject
    DeliveryWorker worker;

    @WithSession
    public Uni<ObjectNode> list(Caller caller, String webhookId, int skip, int limit) {
        return webhooks.manageable(caller, webhookId).chain(webhook -> pool.preparedQuery(
                        "select d.id, d.event_id, d.state, d.date_created, d.delivered_at, d.next_attempt_at,"
                                + " a.attempted_at, a.status_code, a.latency_ms, a.response_excerpt, a.error,"
                                + " a.next_attempt_at"
                                + " from (select * from webhook_delivery where webhook_id = $1 and organization_id = $2"
                                + "  order by date_created desc, id desc offset $3 limit $4) d"
                                + " left join webhook_attempt a on a.delivery_id = d.id"
                                + " order by d.date_created desc, d.id desc, a.attempted_at, a.id")
                .execute(Tuple.of(webhook.id, caller.organizationId(), skip, limit + 1)))
                .map(rows -> page(rows, limit));
    }

    private static ObjectNode page(Iterable<Row> rows, int limit) {
        Map<String, ObjectNode> deliveries = new LinkedHashMap<>();
        for (Row row : rows) {
            ObjectNode delivery = deliveries.computeIfAbsent(row.getString(0), id -> {
                ObjectNode json = WebhookJson.MAPPER.createObjectNode();
                json.put("id", id);
                json.put("event_id", row.getString(1));
                json.put("state", row.getString(2));
                json.put("date_created", format(row.getOffsetDateTime(3)));
                json.put("delivered_at", format(row.getOffsetDateTime(4)));
                json.put("next_attempt_at", "pending".equals(row.getString(2)) ? format(row.getOffsetDateTime(5)) : null);
                json.putArray("attempts");
                return json;
            });
            if (row.getOffsetDateTime(6) != null) {
                ObjectNode attempt = ((ArrayNode) delivery.get("attempts")).addObject();
                attempt.put("attempted_at", format(row.getOffsetDateTime(6)));
                attempt.put("status_code", row.getInteger(7));
                attempt.put("latency_ms", row.getInteger(8));
                attempt.put("response", row.getString(9));
                attempt.put("error", row.getString(10));
                attempt.put("next_attempt_at", format(row.getOffsetDateTime(11)));
            }
        }
        ObjectNode body = WebhookJson.MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        deliveries.values().stream().limit(limit).forEach(data::add);
        body.put("has_more", deliveries.size() > limit);
        return body;
    }

    /** Makes one delivery due now again (whatever its state); its retry window starts anew. */
    @WithSession
    public Uni<ObjectNode> redeliver(Caller caller, String webhookId, String deliveryId) {
        return webhooks.manageable(caller, webhookId).chain(webhook -> pool.preparedQuery(
                        "update webhook_delivery set state = 'pending', next_attempt_at = now(), date_created = now()"
                                + " where id = $1 and webhook_id = $2 returning id, event_id")
                .execute(Tuple.of(deliveryId, webhook.id)))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw CloseException.notFound();
                    }
                    Row row = rows.iterator().next();
                    worker.wakeUp();
                    ObjectNode json = WebhookJson.MAPPER.createObjectNode();
                    json.put("id", row.getString(0));
                    json.put("event_id", row.getString(1));
                    json.put("state", "pending");
                    return json;
                });
    }

    /**
     * Schedules a delivery for every stored event since {@code since} that the subscription matches now (its
     * current events and filters), oldest first, at most {@link #REPLAY_BATCH} per call; an event it already has
     * a delivery for is delivered again.
     */
    @WithSession
    public Uni<ObjectNode> replay(Caller caller, String webhookId, Instant since) {
        return webhooks.manageable(caller, webhookId).chain(webhook -> {
            Subscription subscription = Subscription.of(webhook.id, webhook.organizationId, webhook.eventsJson());
            String[] objectTypes = subscription.rules().stream().map(Subscription.Rule::objectType).distinct()
                    .toArray(String[]::new);
            return pool.preparedQuery("select cast(payload as text), date_updated from event"
                            + " where organization_id = $1 and date_updated >= $2 and object_type = any($3)"
                            + " order by date_updated, id limit $4")
                    .execute(Tuple.of(caller.organizationId(), DeliveryRepository.utc(since), objectTypes,
                            REPLAY_BATCH + 1))
                    .chain(rows -> {
                        List<String> eventIds = new ArrayList<>();
                        OffsetDateTime next = null;
                        int read = 0;
                        for (Row row : rows) {
                            if (++read > REPLAY_BATCH) {
                                next = row.getOffsetDateTime(1);
                                break;
                            }
                            StoredEvent event = StoredEvent.from(ConsumedEvent.parse(row.getString(0)));
                            if (subscription.matches(event)) {
                                eventIds.add(event.id());
                            }
                        }
                        OffsetDateTime continueFrom = next;
                        return schedule(webhook, eventIds).map(scheduled -> {
                            worker.wakeUp();
                            ObjectNode json = WebhookJson.MAPPER.createObjectNode();
                            json.put("scheduled", scheduled);
                            json.put("next_date_updated__gte", format(continueFrom));
                            return json;
                        });
                    });
        });
    }

    private Uni<Integer> schedule(Webhook webhook, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String[] ids = eventIds.stream().map(ignored -> Ids.shortId("whdel")).toArray(String[]::new);
        return pool.preparedQuery("insert into webhook_delivery"
                        + " (id, webhook_id, organization_id, event_id, state, next_attempt_at, date_created)"
                        + " select d.id, $3, $4, d.event_id, 'pending', now(), now()"
                        + " from unnest($1::text[], $2::text[]) as d (id, event_id)"
                        + " on conflict (webhook_id, event_id) do update"
                        + " set state = 'pending', next_attempt_at = now(), date_created = now()")
                .execute(Tuple.tuple(Arrays.asList(ids, eventIds.toArray(String[]::new), webhook.id,
                        webhook.organizationId)))
                .map(rows -> rows.rowCount());
    }

    private static String format(OffsetDateTime at) {
        return at == null ? null : CloseDateTimes.format(at.toInstant());
    }
}
