package io.leadline.activities.email;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.JsonText;
import io.leadline.activities.activity.MessageStatus;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.id.Ids;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The durable sending worker: emails in {@code outbox} (once {@code send_in} has passed) and due {@code scheduled}
 * ones go out over SMTP (the organization's own server, else the deployment's {@code quarkus.mailer.*}). Each email is sent in a transaction of its own that holds its
 * row ({@code FOR UPDATE SKIP LOCKED}) while the SMTP server takes it and records the outcome in the same commit:
 * several replicas never send the same email at once, a PUT back to draft waits for a send in progress (and then
 * finds the email sent), and a crash before the commit leaves the email waiting, so it is sent again rather than
 * lost (the one case where a recipient may get it twice). A failed attempt is retried with doubling waits; after
 * {@code leadline.email.max-attempts} the email is {@code error}.
 */
@ApplicationScoped
public class EmailSending {

    private static final Logger LOG = Logger.getLogger(EmailSending.class);
    private static final String CLAIM = "select id from activity where activity_type = 'Email'"
            + " and status in ('outbox', 'scheduled') and send_due_at <= now()"
            + " order by send_due_at limit 1 for update skip locked";
    /** Kept in send_attempts: Close's list of tries is for display, the last ones matter. */
    private static final int KEPT_ATTEMPTS = 10;

    @Inject
    SmtpClients smtp;

    @Inject
    Outbox outbox;

    @Inject
    EmailThreads threads;

    @Inject
    Vertx vertx;

    @Inject
    EmailSendingConfig config;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();
    private long timer = -1;

    void start(@Observes StartupEvent startup) {
        if (config.sendingEnabled()) {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> nudge());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Sends every due email unless a drain runs; a nudge during one makes it go round once more. */
    public void nudge() {
        if (!config.sendingEnabled()) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            wokenWhileDraining.set(true);
            return;
        }
        wokenWhileDraining.set(false);
        // Hibernate Reactive sessions need a duplicated Vert.x context marked safe, as Quarkus gives each request
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Multi.createBy().repeating().uni(this::sendOne).whilst(Boolean::booleanValue)
                .subscribe().with(sent -> {
                }, failure -> {
                    LOG.warnf("Email sending stopped, will retry: %s", failure.toString());
                    draining.set(false);
                }, () -> {
                    draining.set(false);
                    if (wokenWhileDraining.get()) {
                        nudge();
                    }
                }));
    }

    /** Claims, sends and records one due email; false when none is due. */
    Uni<Boolean> sendOne() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, String.class).getSingleResultOrNull()
                        // the row is locked by now, this transaction loads it
                        .chain(id -> id == null ? Uni.createFrom().nullItem() : session.find(Email.class, id))
                        .chain(email -> email == null ? Uni.createFrom().item(false)
                                // the organization's own server, read in this transaction: a change applies at once
                                : session.find(OrganizationSmtp.class, email.organizationId)
                                        .chain(server -> send(email, server)).replaceWith(true))));
    }

    private Uni<Void> send(Email email, OrganizationSmtp server) {
        String messageId = "<" + Ids.shortId("msg") + "@" + config.messageIdDomain() + ">";
        Caller caller = new Caller(email.organizationId, email.userId, email.userName, null, null, null, null, null, 0);
        ObjectNode before = email.toJson();
        return Uni.createFrom().deferred(() -> smtp.send(email.organizationId, server, message(email, messageId)))
                .onItem().transformToUni(sent -> recordSent(caller, email, before, messageId))
                .onFailure().recoverWithUni(failure -> recordFailure(caller, email, before, failure));
    }

    private static MailMessage message(Email email, String messageId) {
        MailMessage message = new MailMessage()
                .setFrom(email.sender)
                .setTo(strings(email.to()))
                .setCc(strings(email.cc()))
                .setBcc(strings(email.bcc()))
                .setSubject(email.subject == null ? "" : email.subject)
                .setText(email.bodyText == null ? "" : email.bodyText)
                .addHeader("Message-ID", messageId);
        if (email.bodyHtml != null && !email.bodyHtml.isBlank()) {
            message.setHtml(email.bodyHtml);
        }
        List<String> references = strings(email.extras().path("references") instanceof ArrayNode list ? list
                : JsonNodeFactory.instance.arrayNode());
        if (!references.isEmpty()) {
            message.addHeader("In-Reply-To", references.get(references.size() - 1))
                    .addHeader("References", String.join(" ", references));
        }
        return message;
    }

    private Uni<Void> recordSent(Caller caller, Email email, ObjectNode before, String messageId) {
        Instant now = CloseDateTimes.now();
        email.status = MessageStatus.SENT;
        email.dateSent = now;
        email.activityAt = now;
        email.sendDueAt = null;
        ArrayNode ids = JsonText.array(email.messageIds);
        ids.add(messageId);
        email.messageIds = ids.toString();
        attempt(email, now, null);
        email.touch(caller, now);
        ObjectNode after = email.toJson();
        return outbox.append(DomainEvent.updated(caller, email.type().eventObjectType(), email.id, email.leadId,
                        before, after))
                .chain(() -> outbox.append(DomainEvent.of(caller, email.type().eventObjectType(), email.id, "sent",
                        email.leadId, List.of(), null, after)))
                .chain(() -> threads.refresh(caller, email.threadId));
    }

    private Uni<Void> recordFailure(Caller caller, Email email, ObjectNode before, Throwable failure) {
        Instant now = CloseDateTimes.now();
        int failures = (email.sendFailures == null ? 0 : email.sendFailures) + 1;
        email.sendFailures = failures;
        attempt(email, now, failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        new SendRetries(config.maxAttempts(), config.retryBackoff()).nextAttempt(failures, now).ifPresentOrElse(
                next -> email.sendDueAt = next,
                () -> {
                    email.status = MessageStatus.ERROR;
                    email.sendDueAt = null;
                });
        LOG.warnf("Sending email %s failed (attempt %d, %s): %s", email.id, failures,
                email.sendDueAt == null ? "giving up" : "will retry", failure.toString());
        email.touch(caller, now);
        return outbox.append(DomainEvent.updated(caller, email.type().eventObjectType(), email.id, email.leadId,
                        before, email.toJson()))
                .chain(() -> threads.refresh(caller, email.threadId));
    }

    /** Close's send_attempts: when each try was made and what the SMTP server said when it failed. */
    private static void attempt(Email email, Instant at, String error) {
        ArrayNode attempts = email.extras().path("send_attempts") instanceof ArrayNode list ? list
                : JsonNodeFactory.instance.arrayNode();
        ObjectNode attempt = attempts.addObject();
        attempt.put("attempted_at", CloseDateTimes.format(at));
        attempt.put("error", error == null || error.length() <= 500 ? error : error.substring(0, 500));
        while (attempts.size() > KEPT_ATTEMPTS) {
            attempts.remove(0);
        }
        email.extra("send_attempts", attempts);
    }

    private static List<String> strings(ArrayNode values) {
        return values.valueStream().map(value -> value.asText()).toList();
    }
}
