package io.leadline.activities.whatsapp;

import io.leadline.activities.activity.ActivityStore;
import io.leadline.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes of WhatsApp messages; each commits with its {@code activity.whatsapp_message} event. */
@ApplicationScoped
public class WhatsAppService {

    @Inject
    ActivityStore store;

    @WithTransaction
    public Uni<WhatsAppMessage> create(Caller caller, WhatsAppInput input) {
        WhatsAppMessage message = new WhatsAppMessage();
        message.direction = input.direction.value();
        message.externalId = input.externalId.value();
        message.localPhone = input.localPhone.value();
        message.remotePhone = input.remotePhone.value();
        message.markdown = input.markdown.value();
        message.html = MessageMarkdown.toHtml(message.markdown);
        message.integrationLink = input.integrationLink.value();
        message.integrationName = input.integrationName.value();
        message.responseToId = input.responseToId.value();
        message.attachments = input.attachments.value() == null ? null : input.attachments.value().toString();
        return checkResponseTo(caller, input).chain(() -> store.create(caller, message, input.base));
    }

    @WithTransaction
    public Uni<WhatsAppMessage> update(Caller caller, String id, WhatsAppInput input) {
        return checkResponseTo(caller, input).chain(() -> store.update(caller, WhatsAppMessage.class, id, input.base,
                message -> {
                    input.direction.ifPresent(direction -> message.direction = direction);
                    input.externalId.ifPresent(external -> message.externalId = external);
                    input.localPhone.ifPresent(phone -> message.localPhone = phone);
                    input.remotePhone.ifPresent(phone -> message.remotePhone = phone);
                    input.markdown.ifPresent(markdown -> {
                        message.markdown = markdown;
                        message.html = MessageMarkdown.toHtml(markdown);
                    });
                    input.integrationLink.ifPresent(link -> message.integrationLink = link);
                    input.integrationName.ifPresent(name -> message.integrationName = name);
                    input.responseToId.ifPresent(replied -> message.responseToId = replied);
                    input.attachments.ifPresent(items -> message.attachments = items == null ? null : items.toString());
                }));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return store.delete(caller, WhatsAppMessage.class, id);
    }

    /** {@code response_to_id} names a WhatsApp message of the organization, else a field error. */
    private static Uni<Void> checkResponseTo(Caller caller, WhatsAppInput input) {
        String replied = input.responseToId.orElse(null);
        if (replied == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session
                        .createSelectionQuery("select count(*) from WhatsAppMessage where id = :id and organizationId = :org",
                                Long.class)
                        .setParameter("id", replied)
                        .setParameter("org", caller.organizationId())
                        .getSingleResult())
                .invoke(count -> {
                    if (count == 0) {
                        input.base.body.fail("response_to_id", "No WhatsApp message with this id.");
                    }
                })
                .replaceWithVoid();
    }
}
