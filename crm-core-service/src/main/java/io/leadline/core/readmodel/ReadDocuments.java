package io.leadline.core.readmodel;

import io.leadline.platform.read.StoredDocument;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Gives rows written before documents existed (V6) their document, through the same Java mappers as every write:
 * at startup, in batches of {@value #BATCH} rows per transaction, before the service reports ready. Once every row
 * has one this is a single cheap query per table. Concurrent replicas skip each other's locked rows.
 */
@ApplicationScoped
public class ReadDocuments {

    private static final Logger LOG = Logger.getLogger(ReadDocuments.class);
    static final int BATCH = 500;

    @Inject
    Mutiny.SessionFactory sessionFactory;

    private volatile boolean complete;

    void backfillAtStart(@Observes StartupEvent event) throws Throwable {
        long rendered = VertxContextSupport.subscribeAndAwait(this::backfill);
        if (rendered > 0) {
            LOG.infof("Rendered the read documents of %d rows written before they existed", rendered);
        }
        complete = true;
    }

    /** Renders every row without a document; answers how many. */
    public Uni<Long> backfill() {
        Uni<Long> total = Uni.createFrom().item(0L);
        for (Class<? extends StoredDocument> type : storedTypes()) {
            String table = type.getAnnotation(Table.class).name();
            total = total.chain(sum -> all(table, type, sum));
        }
        return total;
    }

    /**
     * Every entity with a stored document, found in Hibernate's metamodel, so this package names no aggregate and a
     * new one is covered by extending {@link StoredDocument}. A document renders from its own row only, so the order
     * (by table name) doesn't matter; it is fixed so that replicas walk the tables alike.
     */
    private List<Class<? extends StoredDocument>> storedTypes() {
        return sessionFactory.getMetamodel().getEntities().stream()
                .map(EntityType::getJavaType)
                .filter(StoredDocument.class::isAssignableFrom)
                .<Class<? extends StoredDocument>>map(type -> type.asSubclass(StoredDocument.class))
                .sorted(Comparator.comparing(type -> type.getAnnotation(Table.class).name()))
                .toList();
    }

    private Uni<Long> all(String table, Class<? extends StoredDocument> type, long sum) {
        return batch(table, type).chain(count -> count == 0 ? Uni.createFrom().item(sum) : all(table, type, sum + count));
    }

    /** One batch: the entities are loaded and re-rendered; the flush at commit writes their documents. */
    private Uni<Integer> batch(String table, Class<? extends StoredDocument> type) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select id from " + table + " where doc is null order by id limit " + BATCH
                        + " for update skip locked", String.class)
                .getResultList()
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                        : session.find(type, ids.toArray()).map(rows -> {
                            rows.stream().filter(Objects::nonNull).forEach(StoredDocument::renderDocument);
                            return ids.size();
                        }))));
    }

    /** True once every row had its document at startup. */
    public boolean complete() {
        return complete;
    }
}
