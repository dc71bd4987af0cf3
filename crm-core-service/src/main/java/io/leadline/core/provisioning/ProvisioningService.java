package io.leadline.core.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.opportunitystatus.OpportunityStatus;
import io.leadline.core.opportunitystatus.OpportunityStatusRepository;
import io.leadline.core.pipeline.Pipeline;
import io.leadline.core.pipeline.PipelineJson;
import io.leadline.core.pipeline.PipelineRepository;
import io.leadline.core.leadstatus.LeadStatus;
import io.leadline.core.leadstatus.LeadStatusJson;
import io.leadline.core.leadstatus.LeadStatusRepository;
import io.leadline.platform.id.Ids;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives an organization its default configuration once. The gateway may retry, and two replicas may receive the
 * same call, so the work runs under a per-organization advisory lock and only fills in what is missing.
 */
@ApplicationScoped
public class ProvisioningService {

    @Inject
    LeadStatusRepository leadStatuses;

    @Inject
    PipelineRepository pipelines;

    @Inject
    OpportunityStatusRepository opportunityStatuses;

    @WithTransaction
    public Uni<ObjectNode> provision(String organizationId) {
        return lockOrganization(organizationId)
                .chain(() -> ensureLeadStatuses(organizationId))
                .chain(() -> ensurePipeline(organizationId))
                .chain(() -> describe(organizationId));
    }

    /** The organization's lead statuses and pipelines as they are now, in the same shape provisioning answers. */
    @WithSession
    public Uni<ObjectNode> configuration(String organizationId) {
        return describe(organizationId);
    }

    private Uni<Void> lockOrganization(String organizationId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(:org))", Integer.class)
                .setParameter("org", organizationId)
                .getSingleResult()).replaceWithVoid();
    }

    private Uni<Void> ensureLeadStatuses(String organizationId) {
        return leadStatuses.count("organizationId", organizationId).chain(existing -> {
            if (existing > 0) {
                return Uni.createFrom().voidItem();
            }
            Instant now = CloseDateTimes.now();
            List<LeadStatus> created = new ArrayList<>();
            for (int i = 0; i < DefaultConfiguration.LEAD_STATUSES.size(); i++) {
                LeadStatus status = new LeadStatus();
                status.id = Ids.longId("stat");
                status.organizationId = organizationId;
                status.label = DefaultConfiguration.LEAD_STATUSES.get(i);
                status.position = i;
                status.dateCreated = now;
                status.dateUpdated = now;
                created.add(status);
            }
            return leadStatuses.persist(created);
        });
    }

    private Uni<Void> ensurePipeline(String organizationId) {
        return pipelines.count("organizationId", organizationId).chain(existing -> {
            if (existing > 0) {
                return Uni.createFrom().voidItem();
            }
            Instant now = CloseDateTimes.now();
            Pipeline pipeline = new Pipeline();
            pipeline.id = Ids.longId("pipe");
            pipeline.organizationId = organizationId;
            pipeline.name = DefaultConfiguration.PIPELINE_NAME;
            pipeline.position = 0;
            pipeline.dateCreated = now;
            pipeline.dateUpdated = now;
            List<OpportunityStatus> statuses = new ArrayList<>();
            for (int i = 0; i < DefaultConfiguration.OPPORTUNITY_STATUSES.size(); i++) {
                DefaultConfiguration.OpportunityStatusDefault preset = DefaultConfiguration.OPPORTUNITY_STATUSES.get(i);
                OpportunityStatus status = new OpportunityStatus();
                status.id = Ids.longId("stat");
                status.organizationId = organizationId;
                status.pipelineId = pipeline.id;
                status.label = preset.label();
                status.type = preset.type();
                status.position = i;
                status.dateCreated = now;
                status.dateUpdated = now;
                statuses.add(status);
            }
            // The pipeline row must exist before the statuses that reference it.
            return pipelines.persistAndFlush(pipeline).chain(() -> opportunityStatuses.persist(statuses));
        });
    }

    private Uni<ObjectNode> describe(String organizationId) {
        return leadStatuses.listOrdered(organizationId).chain(statusRows -> pipelines.listOrdered(organizationId)
                .chain(pipelineRows -> opportunityStatuses.listOrdered(organizationId).map(oppStatuses -> {
                    ObjectNode json = JsonNodeFactory.instance.objectNode();
                    ArrayNode statusArray = json.putArray("lead_statuses");
                    statusRows.forEach(status -> statusArray.add(LeadStatusJson.toJson(status)));
                    ArrayNode pipelineArray = json.putArray("pipelines");
                    pipelineRows.forEach(pipeline -> pipelineArray.add(PipelineJson.toJson(pipeline, oppStatuses)));
                    return json;
                })));
    }
}
