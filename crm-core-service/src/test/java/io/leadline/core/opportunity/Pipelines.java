package io.leadline.core.opportunity;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Opportunity statuses and pipelines of a test organization. Their API comes with another issue, so tests read the
 * provisioned ones and add pipelines straight into the table.
 */
@ApplicationScoped
public class Pipelines {

    @Inject
    Pool pool;

    /** The id of the organization's opportunity status with this label (provisioning makes Active, Won, Lost). */
    public String statusId(String organizationId, String label) {
        return single("select id from opportunity_status where organization_id = $1 and label = $2",
                Tuple.of(organizationId, label)).getString(0);
    }

    public String pipelineId(String organizationId, String name) {
        return single("select id from pipeline where organization_id = $1 and name = $2",
                Tuple.of(organizationId, name)).getString(0);
    }

    /** Adds a pipeline after the provisioned one with the statuses given as "label:type", in order; returns its id. */
    public String addPipeline(String organizationId, String name, String... statuses) {
        String pipelineId = "pipe_" + random();
        OffsetDateTime now = OffsetDateTime.now();
        pool.preparedQuery("insert into pipeline (id, organization_id, name, position, date_created, date_updated)"
                        + " values ($1, $2, $3, 100, $4, $4)")
                .execute(Tuple.of(pipelineId, organizationId, name, now)).await().indefinitely();
        for (int i = 0; i < statuses.length; i++) {
            String[] parts = statuses[i].split(":");
            pool.preparedQuery("insert into opportunity_status (id, organization_id, pipeline_id, label, status_type,"
                            + " position, date_created, date_updated) values ($1, $2, $3, $4, $5, $6, $7, $7)")
                    .execute(Tuple.from(new Object[] {"stat_" + random(), organizationId, pipelineId, parts[0], parts[1],
                            i, now}))
                    .await().indefinitely();
        }
        return pipelineId;
    }

    public void renameStatus(String statusId, String label) {
        pool.preparedQuery("update opportunity_status set label = $1 where id = $2")
                .execute(Tuple.of(label, statusId)).await().indefinitely();
    }

    private Row single(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next();
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
