package io.leadline.events.webhook;

import io.leadline.platform.id.Ids;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ValidationException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Webhook subscription writes. Admins manage every subscription of their organization, others only the ones they
 * created (NOTES §8); someone else's subscription does not exist for a non-admin (404), like another organization's.
 */
@ApplicationScoped
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhooksConfig config;

    /** A subscription the caller may manage, else 404. */
    Uni<Webhook> manageable(Caller caller, String id) {
        return webhooks.findInOrganization(caller.organizationId(), id).map(webhook -> {
            if (webhook == null || !(caller.isAdmin() || caller.userId() != null && caller.userId().equals(webhook.createdBy))) {
                throw CloseException.notFound();
            }
            return webhook;
        });
    }

    @WithTransaction
    public Uni<Webhook> create(Caller caller, WebhookInput input) {
        input.body.throwIfInvalid();
        return webhooks.lockAndCount(caller.organizationId()).chain(count -> {
            if (count >= config.maxPerOrganization()) {
                throw ValidationException.of("An organization may have at most " + config.maxPerOrganization()
                        + " webhook subscriptions.");
            }
            Instant now = CloseDateTimes.now();
            Webhook webhook = new Webhook();
            webhook.id = Ids.shortId("whsub");
            webhook.organizationId = caller.organizationId();
            webhook.url = input.url;
            webhook.events = input.events.toString();
            webhook.status = input.status == null ? Webhook.ACTIVE : input.status;
            webhook.verifySsl = input.verifySsl == null || input.verifySsl;
            webhook.signatureKey = newSignatureKey();
            webhook.createdBy = caller.userId();
            webhook.updatedBy = caller.userId();
            webhook.dateCreated = now;
            webhook.dateUpdated = now;
            return webhooks.persist(webhook).chain(() -> webhooks.notifyChanged(caller.organizationId()))
                    .replaceWith(webhook);
        });
    }

    @WithTransaction
    public Uni<Webhook> update(Caller caller, String id, WebhookInput input) {
        input.body.throwIfInvalid();
        return manageable(caller, id).chain(webhook -> {
            if (input.url != null) {
                webhook.url = input.url;
            }
            if (input.events != null) {
                webhook.events = input.events.toString();
            }
            if (input.status != null) {
                if (input.status.equals(Webhook.ACTIVE) && !webhook.status.equals(Webhook.ACTIVE)) {
                    // re-activated: the failure clock starts again
                    webhook.failingSince = null;
                }
                webhook.status = input.status;
            }
            if (input.verifySsl != null) {
                webhook.verifySsl = input.verifySsl;
            }
            webhook.updatedBy = caller.userId();
            webhook.dateUpdated = CloseDateTimes.now();
            return webhooks.notifyChanged(caller.organizationId()).replaceWith(webhook);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return manageable(caller, id).chain(webhook -> webhooks.deleteWithDeliveries(webhook))
                .chain(() -> webhooks.notifyChanged(caller.organizationId()));
    }

    /** 32 random bytes as 64 hex characters, the form Close hands out. */
    static String newSignatureKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
