package io.leadline.core.readmodel;

import io.leadline.core.contact.Contact;
import io.leadline.core.integrationlink.IntegrationLink;
import io.leadline.core.lead.Lead;
import io.leadline.core.opportunity.Opportunity;
import io.leadline.core.opportunitystatus.OpportunityStatus;
import io.leadline.core.pipeline.Pipeline;
import io.leadline.core.leadstatus.LeadStatus;
import io.leadline.core.task.Task;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives rows written before documents existed (V6) their document, through the same Java mappers as every write:
 * at startup, in batches of {@value #BATCH} rows per transaction, before the service reports ready. Once every row
 * has one this is a single cheap query per table. Concurrent replicas skip each other's locked rows.
 */
@ApplicationScoped
public class ReadDocuments {

    private static final Logger LOG = Logger.getLogger(ReadDocuments.class);
    static final int BATCH = 500;

    /** Parents before children, in the order a reader needs them; the table names are constants. */
    private static final Map<String, Class<? extends StoredDocument>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("lead_status", LeadStatus.class);
        TABLES.put("pipeline", Pipeline.class);
        TABLES.put("opportunity_status", OpportunityStatus.class);
        TABLES.put("integration_link", IntegrationLink.class);
        TABLES.put("lead", Lead.class);
        TABLES.put("contact", Contact.class);
        TABLES.put("opportunity", Opportunity.class);
        TABLES.put("task", Task.class);
    }

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
        for (Map.Entry<String, Class<? extends StoredDocument>> table : TABLES.entrySet()) {
            total = total.chain(sum -> all(table.getKey(), table.getValue(), sum));
        }
        return total;
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
                            rows.stream().filter(java.util.Objects::nonNull).forEach(StoredDocument::renderDocument);
                            return ids.size();
                        }))));
    }

    /** True once every row had its document at startup. */
    public boolean complete() {
        return complete;
    }
}
