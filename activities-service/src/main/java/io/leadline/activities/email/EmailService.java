package io.leadline.activities.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityStore;
import io.leadline.activities.activity.JsonText;
import io.leadline.activities.activity.MessageStatus;
import io.leadline.platform.id.Ids;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes of emails with Close's status rules (NOTES §6.2); each commits with its {@code activity.email} event and
 * its thread's. Only drafts change; a draft may move to scheduled or outbox, and a waiting (scheduled, outbox) or
 * failed email back to draft, which cancels the send.
 */
@ApplicationScoped
public class EmailService {

    @Inject
    ActivityStore store;

    @Inject
    EmailThreads threads;

    @WithTransaction
    public Uni<Email> create(Caller caller, EmailInput input) {
        Email email = new Email();
        email.status = input.status.value();
        email.direction = MessageStatus.INBOX.equals(email.status) ? "incoming" : "outgoing";
        email.sender = input.sender.value();
        email.recipients = input.recipients.toString();
        email.subject = input.subject.value();
        email.bodyText = input.bodyText.value();
        email.bodyHtml = input.bodyHtml.value();
        email.attachments = input.attachments.value() == null ? null : input.attachments.value().toString();
        email.inReplyToId = input.inReplyToId.value();
        email.dateScheduled = input.dateScheduled.value();
        email.messageIds = input.messageIds == null ? null : input.messageIds.toString();
        input.templateId.ifPresent(template -> email.extra("template_id", text(template)));
        if (input.references != null) {
            email.extra("references", input.references);
        }
        input.extras.fields().forEachRemaining(field -> email.extra(field.getKey(), field.getValue()));
        if (email.status != null) {
            checkStatus(input, email);
            if (MessageStatus.SENT.equals(email.status)) {
                email.dateSent = input.dateSent != null ? input.dateSent : CloseDateTimes.now();
            }
        }
        return threads.threadFor(caller, input, input.inReplyToId.value(), input.base.leadId(), input.references)
                .chain(thread -> {
                    email.threadId = thread.orElseGet(() -> Ids.longId("acti"));
                    return store.create(caller, email, input.base);
                })
                .call(created -> threads.refresh(caller, created.threadId));
    }

    @WithTransaction
    public Uni<Email> update(Caller caller, String id, EmailInput input) {
        String inReplyTo = input.inReplyToId.orElse(null);
        Uni<Optional<String>> repliedThread = inReplyTo == null ? Uni.createFrom().item(Optional.empty())
                : threads.threadFor(caller, input, inReplyTo, null, null);
        String[] previousThread = new String[1];
        return repliedThread.chain(thread -> store.update(caller, Email.class, id, input.base, email -> {
                    previousThread[0] = email.threadId;
                    change(input, email, thread);
                }))
                .call(email -> threads.refresh(caller, email.threadId))
                .call(email -> email.threadId.equals(previousThread[0]) ? Uni.createFrom().voidItem()
                        : threads.refresh(caller, previousThread[0]));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return store.find(caller, Email.class, id)
                .chain(email -> store.delete(caller, Email.class, id).chain(() -> threads.refresh(caller, email.threadId)));
    }

    /** The PUT's changes, after Close's rules on what may change in which status. */
    private static void change(EmailInput input, Email email, Optional<String> repliedThread) {
        String target = input.status.orElse(email.status);
        if (MessageStatus.check(email.status, target, input.base.body) == MessageStatus.Change.CANCEL) {
            email.status = MessageStatus.DRAFT;
            email.sendDueAt = null;
            email.sendFailures = null;
            return;
        }
        input.sender.ifPresent(sender -> email.sender = sender);
        ObjectNode recipients = JsonText.object(email.recipients);
        recipients.setAll(input.recipients);
        email.recipients = recipients.toString();
        input.subject.ifPresent(subject -> email.subject = subject);
        input.bodyText.ifPresent(text -> email.bodyText = text);
        input.bodyHtml.ifPresent(html -> email.bodyHtml = html);
        input.attachments.ifPresent(items -> email.attachments = items == null ? null : items.toString());
        input.templateId.ifPresent(template -> email.extra("template_id", text(template)));
        input.inReplyToId.ifPresent(replied -> email.inReplyToId = replied);
        repliedThread.ifPresent(thread -> email.threadId = thread);
        input.dateScheduled.ifPresent(date -> email.dateScheduled = date);
        input.extras.fields().forEachRemaining(field -> email.extra(field.getKey(), field.getValue()));
        email.status = target;
        checkStatus(input, email);
        input.throwIfInvalid();
    }

    /**
     * What the (new) status needs: a sender for inbox, scheduled, outbox and error; a recipient and, when scheduled,
     * a date to send anything; {@code send_in} only for the outbox. Sets when the worker should send.
     */
    private static void checkStatus(EmailInput input, Email email) {
        String status = email.status;
        if (List.of(MessageStatus.INBOX, MessageStatus.SCHEDULED, MessageStatus.OUTBOX, MessageStatus.ERROR).contains(status) && email.sender == null) {
            input.fail("sender", "A sender is required for " + status + " emails.");
        }
        if (email.waitsToBeSent() && email.to().isEmpty() && email.cc().isEmpty() && email.bcc().isEmpty()) {
            input.fail("to", "An email to send needs at least one recipient.");
        }
        if (MessageStatus.SCHEDULED.equals(status) && email.dateScheduled == null) {
            input.fail("date_scheduled", "A scheduled email needs date_scheduled.");
        }
        if (input.sendIn != null && !MessageStatus.OUTBOX.equals(status)) {
            input.fail("send_in", "Only for emails put in the outbox.");
        }
        Instant now = CloseDateTimes.now();
        if (MessageStatus.OUTBOX.equals(status)) {
            email.sendDueAt = now.plusSeconds(input.sendIn == null ? 0 : input.sendIn);
            email.sendFailures = 0;
        } else if (MessageStatus.SCHEDULED.equals(status)) {
            email.sendDueAt = email.dateScheduled;
            email.sendFailures = 0;
        } else {
            email.sendDueAt = null;
        }
    }

    private static JsonNode text(String value) {
        return value == null ? null : JsonNodeFactory.instance.textNode(value);
    }
}
