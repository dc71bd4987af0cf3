package io.leadline.activities.email;

import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes of an organization's outgoing mail server. No event is recorded: Close has no such object, and the
 * settings are configuration that names a mail account, not CRM data to show in the event log or webhooks.
 */
@ApplicationScoped
public class OrganizationSmtpSettings {

    @WithTransaction
    public Uni<Void> save(Caller caller, OrganizationSmtpInput input) {
        return Panache.getSession().chain(session -> session.find(OrganizationSmtp.class, caller.organizationId())
                .chain(stored -> {
                    OrganizationSmtp settings = stored == null ? new OrganizationSmtp() : stored;
                    settings.organizationId = caller.organizationId();
                    input.applyTo(settings);
                    settings.updatedBy = caller.userId();
                    settings.dateUpdated = CloseDateTimes.now();
                    return stored == null ? session.persist(settings) : Uni.createFrom().voidItem();
                }));
    }

    /** Back to the deployment's default server; a 404 when the organization has no server of its own. */
    @WithTransaction
    public Uni<Void> remove(Caller caller) {
        return Panache.getSession().chain(session -> session.find(OrganizationSmtp.class, caller.organizationId())
                .chain(stored -> {
                    if (stored == null) {
                        throw CloseException.notFound();
                    }
                    return session.remove(stored);
                }));
    }
}
