package io.leadline.activities.sms;

import io.leadline.activities.activity.ActivityStore;
import io.leadline.activities.activity.MessageStatus;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseDateTimes;
import io.leadline.platform.wire.RequestBody;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes of SMS with the email status rules; each commits with its {@code activity.sms} event. */
@ApplicationScoped
public class SmsService {

    @Inject
    ActivityStore store;

    @WithTransaction
    public Uni<Sms> create(Caller caller, SmsInput input) {
        Sms sms = new Sms();
        sms.status = input.status.value();
        // Close: inbound when logged as received, else outbound
        sms.direction = input.direction != null ? input.direction
                : MessageStatus.INBOX.equals(sms.status) ? "inbound" : "outbound";
        sms.source = input.source == null ? "External" : input.source;
        sms.text = input.text.value();
        sms.localPhone = input.localPhone.value();
        sms.remotePhone = input.remotePhone.value();
        sms.templateId = input.templateId.value();
        sms.attachments = input.attachments.value() == null ? null : input.attachments.value().toString();
        sms.dateScheduled = input.dateScheduled.value();
        if (MessageStatus.SENT.equals(sms.status)) {
            sms.dateSent = CloseDateTimes.now();
        }
        if (sms.status != null) {
            checkStatus(input.base.body, sms);
        }
        return store.create(caller, sms, input.base);
    }

    @WithTransaction
    public Uni<Sms> update(Caller caller, String id, SmsInput input) {
        return store.update(caller, Sms.class, id, input.base, sms -> {
            String target = input.status.orElse(sms.status);
            if (MessageStatus.check(sms.status, target, input.base.body) == MessageStatus.Change.CANCEL) {
                sms.status = MessageStatus.DRAFT;
                return;
            }
            input.text.ifPresent(text -> sms.text = text);
            input.localPhone.ifPresent(phone -> sms.localPhone = phone);
            input.remotePhone.ifPresent(phone -> sms.remotePhone = phone);
            input.templateId.ifPresent(template -> sms.templateId = template);
            input.attachments.ifPresent(items -> sms.attachments = items == null ? null : items.toString());
            input.dateScheduled.ifPresent(date -> sms.dateScheduled = date);
            sms.status = target;
            checkStatus(input.base.body, sms);
            input.base.body.throwIfInvalid();
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return store.delete(caller, Sms.class, id);
    }

    /** A message to send needs a number to send it to, and a scheduled one its date. */
    private static void checkStatus(RequestBody body, Sms sms) {
        if (MessageStatus.waitsToBeSent(sms.status) && sms.remotePhone == null) {
            body.fail("remote_phone", "An SMS to send needs remote_phone.");
        }
        if (MessageStatus.SCHEDULED.equals(sms.status) && sms.dateScheduled == null) {
            body.fail("date_scheduled", "A scheduled SMS needs date_scheduled.");
        }
    }
}
