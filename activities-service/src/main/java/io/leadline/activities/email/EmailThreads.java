package io.leadline.activities.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.activities.activity.ActivityStore;
import io.leadline.activities.activity.JsonText;
import io.leadline.activities.activity.MessageStatus;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.outbox.Outbox;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps each EmailThread in step with its emails, in the transaction that changed one of them: created with its first
 * email, rebuilt (and an {@code updated} event when its form changed) on every change, deleted with its last email.
 * An email joins the thread of the email it replies to ({@code in_reply_to_id}), or of an email of the same lead whose
 * Message-ID it references; otherwise it starts a thread of its own.
 */
@ApplicationScoped
public class EmailThreads {

    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*((re|fwd?|aw|wg)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    @Inject
    Outbox outbox;

    @Inject
    ActivityStore store;

    /**
     * The thread a new email joins, or empty for a thread of its own; {@code inReplyToId} naming no email of the
     * organization is a field error.
     */
    Uni<Optional<String>> threadFor(Caller caller, EmailInput input, String inReplyToId, String leadId,
                                    JsonNode references) {
        if (inReplyToId != null) {
            return Panache.getSession().chain(session -> session
                            .createSelectionQuery("from Email where id = :id and organizationId = :org", Email.class)
                            .setParameter("id", inReplyToId)
                            .setParameter("org", caller.organizationId())
                            .getSingleResultOrNull())
                    .map(replied -> {
                        if (replied == null) {
                            input.fail("in_reply_to_id", "No email with this id.");
                            return Optional.empty();
                        }
                        return Optional.ofNullable(replied.threadId);
                    });
        }
        if (references == null || references.isEmpty() || leadId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        Set<String> referenced = new LinkedHashSet<>();
        references.forEach(reference -> referenced.add(reference.asText()));
        return emails(caller.organizationId(), "leadId", leadId).map(emails -> emails.stream()
                .filter(email -> JsonText.array(email.messageIds).valueStream()
                        .anyMatch(id -> referenced.contains(id.asText())))
                .map(email -> email.threadId)
                .findFirst());
    }

    /** Rebuilds thread {@code threadId} of the caller's organization from its emails, with its event. */
    Uni<Void> refresh(Caller caller, String threadId) {
        if (threadId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> emails(caller.organizationId(), "threadId", threadId))
                .chain(emails -> session.find(EmailThread.class, threadId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(thread -> rebuild(caller, session, threadId, thread, emails))));
    }

    /** Deletes the caller's thread with all its emails, each with its deleted event; 404 when there is none. */
    Uni<Void> delete(Caller caller, String threadId) {
        return store.find(caller, EmailThread.class, threadId)
                .chain(thread -> emails(caller.organizationId(), "threadId", threadId).chain(emails -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Email email : emails) {
                        chain = chain.chain(() -> remove(caller, email));
                    }
                    return chain.chain(() -> remove(caller, thread));
                }));
    }

    private Uni<Void> rebuild(Caller caller, org.hibernate.reactive.mutiny.Mutiny.Session session, String threadId,
                              EmailThread thread, List<Email> emails) {
        if (emails.isEmpty()) {
            return thread == null ? Uni.createFrom().voidItem() : remove(caller, thread);
        }
        return markReplies(caller, emails).chain(() -> describeThread(caller, session, threadId, thread, emails));
    }

    /**
     * Close's {@code has_reply} of each sent email: whether an incoming email follows it in the thread. An email whose
     * answer changes gets an {@code updated} event, in this transaction.
     */
    private Uni<Void> markReplies(Caller caller, List<Email> emails) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        boolean incomingLater = false;
        for (int i = emails.size() - 1; i >= 0; i--) {
            Email email = emails.get(i);
            boolean replied = MessageStatus.SENT.equals(email.status) && incomingLater;
            incomingLater |= MessageStatus.INBOX.equals(email.status);
            if (replied != email.hasReply()) {
                ObjectNode before = email.toJson();
                email.hasReply(replied);
                chain = chain.chain(() -> outbox.append(DomainEvent.updated(caller, email.type().eventObjectType(),
                        email.id, email.leadId, before, email.toJson())));
            }
        }
        return chain;
    }

    private Uni<Void> describeThread(Caller caller, org.hibernate.reactive.mutiny.Mutiny.Session session,
                                     String threadId, EmailThread thread, List<Email> emails) {
        Email first = emails.get(0);
        Email latest = emails.get(emails.size() - 1);
        Instant now = CloseDateTimes.now();
        if (thread == null) {
            EmailThread created = new EmailThread();
            created.id = threadId;
            created.recordCreation(caller, now);
            created.userId = first.userId;
            created.userName = first.userName;
            describe(created, emails, first, latest);
            return session.persist(created).chain(() -> outbox.append(DomainEvent.created(caller,
                    created.type().eventObjectType(), created.id, created.leadId, created.toJson())));
        }
        ObjectNode before = thread.toJson();
        describe(thread, emails, first, latest);
        if (thread.toJson().equals(before)) {
            return Uni.createFrom().voidItem();
        }
        thread.touch(caller, now);
        return outbox.append(DomainEvent.updated(caller, thread.type().eventObjectType(), thread.id, thread.leadId,
                before, thread.toJson()));
    }

    private static void describe(EmailThread thread, List<Email> emails, Email first, Email latest) {
        thread.organizationId = first.organizationId;
        thread.leadId = latest.leadId;
        thread.contactId = latest.contactId;
        thread.activityAt = latest.activityAt;
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("n_emails", emails.size());
        details.put("latest_normalized_subject", normalizedSubject(latest.subject));
        Set<String> participants = new LinkedHashSet<>();
        ArrayNode summaries = JsonNodeFactory.instance.arrayNode();
        for (Email email : emails) {
            if (email.sender != null) {
                participants.add(email.sender);
            }
            email.to().forEach(address -> participants.add(address.asText()));
            email.cc().forEach(address -> participants.add(address.asText()));
            ObjectNode summary = email.toJson();
            // the bodies make a thread heavy; lead and contact are the thread's own, and a merge moves them
            summary.remove(List.of("body_text", "body_html", "lead_id", "contact_id"));
            summaries.add(summary);
        }
        ArrayNode people = details.putArray("participants");
        participants.forEach(people::add);
        details.set("emails", summaries);
        thread.details = details.toString();
    }

    static String normalizedSubject(String subject) {
        return subject == null ? "" : REPLY_PREFIX.matcher(subject).replaceFirst("").trim();
    }

    private Uni<Void> remove(Caller caller, io.leadline.activities.activity.Activity activity) {
        return Panache.getSession().chain(session -> session.remove(activity))
                .chain(() -> outbox.append(DomainEvent.deleted(caller, activity.type().eventObjectType(), activity.id,
                        activity.leadId, activity.toJson())));
    }

    /** The organization's emails whose {@code field} (an attribute name, never input) is {@code value}, oldest first. */
    private static Uni<List<Email>> emails(String organizationId, String field, String value) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from Email where organizationId = :org and " + field + " = :value"
                        + " order by activityAt, id", Email.class)
                .setParameter("org", organizationId)
                .setParameter("value", value)
                .getResultList());
    }
}
