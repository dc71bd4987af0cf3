package io.leadline.activities.email;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SMTP client an organization's email goes out through: its own server when it set one
 * ({@link OrganizationSmtp}), else the deployment's default ({@code quarkus.mailer.*}, the mailer's client). A client
 * per organization is kept while its settings stay the same, so consecutive emails reuse its pooled connections.
 */
@ApplicationScoped
public class SmtpClients {

    /** The default mailer's Vert.x client, configured by quarkus-mailer from {@code quarkus.mailer.*}. */
    @Inject
    MailClient deploymentDefault;

    @Inject
    Vertx vertx;

    private record OwnClient(MailConfig config, MailClient client) {
    }

    private final Map<String, OwnClient> own = new ConcurrentHashMap<>();

    /** Sends through the organization's server, or the default one when {@code settings} is null. */
    public Uni<Void> send(String organizationId, OrganizationSmtp settings, MailMessage message) {
        return clientFor(organizationId, settings).sendMail(message).replaceWithVoid();
    }

    private MailClient clientFor(String organizationId, OrganizationSmtp settings) {
        if (settings == null) {
            OwnClient dropped = own.remove(organizationId);
            if (dropped != null) {
                dropped.client().close().subscribe().with(ignored -> { }, failure -> { });
            }
            return deploymentDefault;
        }
        MailConfig config = settings.mailConfig();
        OwnClient current = own.compute(organizationId, (id, cached) -> {
            if (cached != null && cached.config().toJson().equals(config.toJson())) {
                return cached;
            }
            if (cached != null) { // changed settings: the old client's connections go to the old server
                cached.client().close().subscribe().with(ignored -> { }, failure -> { });
            }
            return new OwnClient(config, MailClient.create(vertx, config));
        });
        return current.client();
    }

    @PreDestroy
    void closeAll() {
        own.values().forEach(cached -> cached.client().close().subscribe().with(ignored -> { }, failure -> { }));
        own.clear();
    }
}
