package io.leadline.core.custom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the background work on custom values ({@link CustomFieldJob}): a field's values converted to its new type, or
 * removed after the field (or a shared field's association) went away. One batch of {@value #BATCH} objects per
 * transaction, the job's row locked {@code for update skip locked} for that transaction only: replicas share the
 * jobs, a crash resumes after the last committed batch, and no table is locked longer than one batch's rows.
 * Each replica polls for jobs (and is nudged right after a request created one).
 */
@ApplicationScoped
public class CustomFieldJobs {

    private static final Logger LOG = Logger.getLogger(CustomFieldJobs.class);
    static final int BATCH = 200;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    @All
    List<CustomValueHolder> holders;

    @Inject
    CustomFieldRepository fields;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "leadline.custom-field-jobs.poll-interval", defaultValue = "2s")
    Duration pollInterval;

    private ScheduledExecutorService worker;

    void start(@Observes StartupEvent event) {
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "custom-field-jobs");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::runPending, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Starts the pending jobs now instead of at the next poll (after the request that created one committed). */
    public void nudge() {
        worker.execute(this::runPending);
    }

    /** A job is created in the transaction of the change that needs it, so it exists exactly when the change does. */
    Uni<Void> enqueue(Caller caller, String kind, String fieldId, List<String> tables, String customObjectTypeId) {
        CustomFieldJob job = new CustomFieldJob();
        job.id = Ids.longId("cfjob");
        job.organizationId = caller.organizationId();
        job.fieldId = fieldId;
        job.kind = kind;
        job.setTables(tables);
        job.customObjectTypeId = customObjectTypeId;
        job.setCaller(caller);
        job.dateCreated = CloseDateTimes.now();
        return Panache.getSession().chain(session -> session.persist(job));
    }

    private void runPending() {
        try {
            VertxContextSupport.subscribeAndAwait(this::drain);
        } catch (Throwable e) {
            // the job stays where its last batch left it; the next poll retries
            LOG.warn("A custom field job failed; retrying at the next poll", e);
        }
    }

    /** Batches until no job is left that another replica isn't working on. */
    Uni<Void> drain() {
        return Panache.withTransaction(this::oneBatch)
                .chain(worked -> worked ? drain() : Uni.createFrom().voidItem());
    }

    private Uni<Boolean> oneBatch() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from custom_field_job order by date_created, id limit 1 for update skip locked",
                        String.class)
                .getResultList()
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(false)
                        : session.find(CustomFieldJob.class, ids.get(0))
                        .chain(job -> step(session, job)).replaceWith(true)));
    }

    /** One batch of the job's current table, or the move to the next table, pass, or the end. */
    private Uni<Void> step(Mutiny.Session session, CustomFieldJob job) {
        List<String> tables = job.tables();
        if (job.tableIndex >= tables.size()) {
            if (job.pass == 1) {
                job.pass = 2;
                job.tableIndex = 0;
                job.afterId = "";
                return Uni.createFrom().voidItem();
            }
            return finish(session, job);
        }
        String table = tables.get(job.tableIndex);
        Uni<Optional<String>> batch = CustomFieldJob.CONVERT.equals(job.kind)
                ? fields.findById(job.fieldId).chain(field -> field == null || field.convertingToType == null
                ? Uni.createFrom().item(Optional.of("")) : convertBatch(session, job, field, table))
                : removeBatch(session, job, table);
        return batch.invoke(last -> {
            if (last.isEmpty()) {
                job.tableIndex++;
                job.afterId = "";
            } else if (last.get().isEmpty()) {
                // the field was deleted meanwhile: its removal job takes over the values
                job.tableIndex = tables.size();
                job.pass = 2;
            } else {
                job.afterId = last.get();
            }
        }).replaceWithVoid();
    }

    /** The next objects holding the field's value after the cursor, locked for this transaction: (id, value). */
    private Uni<List<Object[]>> holdersAfterCursor(Mutiny.Session session, CustomFieldJob job, String table) {
        String sql = "select id, cast(custom -> :field as text) from " + table
                + " where organization_id = :org and id > :after and jsonb_exists(custom, :field)"
                + (job.customObjectTypeId == null ? "" : " and custom_object_type_id = :type")
                + (job.pass == 2 ? " and date_updated >= :since" : "")
                + " order by id limit " + BATCH + " for update";
        var query = session.createNativeQuery(sql, Object[].class)
                .setParameter("field", job.fieldId)
                .setParameter("org", job.organizationId)
                .setParameter("after", job.afterId);
        if (job.customObjectTypeId != null) {
            query.setParameter("type", job.customObjectTypeId);
        }
        if (job.pass == 2) {
            query.setParameter("since", job.dateCreated);
        }
        return query.getResultList();
    }

    /** Removal: each kind of object renders its own {@code updated} events ({@link CustomValueHolder}). */
    private Uni<Optional<String>> removeBatch(Mutiny.Session session, CustomFieldJob job, String table) {
        CustomValueHolder holder = holders.stream().filter(candidate -> candidate.table().equals(table)).findFirst()
                .orElseThrow();
        return holdersAfterCursor(session, job, table).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            List<String> ids = rows.stream().map(row -> (String) row[0]).toList();
            return holder.rewrite(job.caller(), ids, values -> CustomValueHolder.without(values, job.fieldId))
                    .chain(outbox::appendAll)
                    .replaceWith(Optional.of(ids.get(ids.size() - 1)));
        });
    }

    /**
     * Conversion: each value rewritten in the object's values and its stored document by one statement; values that
     * don't convert leave the object and are recorded on the job (README "Type changes").
     */
    private Uni<Optional<String>> convertBatch(Mutiny.Session session, CustomFieldJob job, CustomField field,
                                               String table) {
        CustomFieldType type = field.type();
        return holdersAfterCursor(session, job, table).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            ObjectNode changes = MAPPER.createObjectNode();
            for (Object[] row : rows) {
                String id = (String) row[0];
                JsonNode stored = parse((String) row[1]);
                ValueConversion.Converted converted = ValueConversion.convert(stored, type,
                        field.acceptsMultipleValues, field.choices());
                converted.failed().forEach(item -> job.recordFailure(table, id, CustomValues.plain(item)));
                JsonNode value = MAPPER.valueToTree(converted.value());
                if (!value.equals(stored)) {
                    changes.set(id, value);
                }
            }
            String last = (String) rows.get(rows.size() - 1)[0];
            if (changes.isEmpty()) {
                return Uni.createFrom().item(Optional.of(last));
            }
            return session.createNativeQuery("update " + table + " t set"
                            + " custom = case when c.value = cast('null' as jsonb) then t.custom - cast(:field as text)"
                            + " else jsonb_set(t.custom, array[cast(:field as text)], c.value) end,"
                            + " doc = case when c.value = cast('null' as jsonb) then t.doc - cast(:key as text)"
                            + " else jsonb_set(t.doc, array[cast(:key as text)], c.value) end"
                            + " from jsonb_each(cast(cast(:changes as text) as jsonb)) c"
                            + " where t.organization_id = :org and t.id = c.key")
                    .setParameter("field", job.fieldId)
                    .setParameter("key", CustomValues.PREFIX + job.fieldId)
                    .setParameter("changes", changes.toString())
                    .setParameter("org", job.organizationId)
                    .executeUpdate()
                    .replaceWith(Optional.of(last));
        });
    }

    /** The job is done: a conversion ends with the field's {@code updated} event (without converting_to_type). */
    private Uni<Void> finish(Mutiny.Session session, CustomFieldJob job) {
        Uni<Void> field = !CustomFieldJob.CONVERT.equals(job.kind) ? Uni.createFrom().voidItem()
                : fields.findById(job.fieldId).chain(found -> {
                    if (found == null || found.convertingToType == null) {
                        return Uni.createFrom().voidItem();
                    }
                    ObjectNode before = CustomFieldJson.toJson(found);
                    found.convertingToType = null;
                    found.setConversionFailures(job.failures(), job.failureCount);
                    return outbox.append(DomainEvent.updated(job.caller(), CustomFieldOwner.eventObjectType(found.owner),
                            found.id, null, before, CustomFieldJson.toJson(found)));
                });
        return field.chain(() -> session.remove(job));
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored custom value is not JSON", e);
        }
    }
}
