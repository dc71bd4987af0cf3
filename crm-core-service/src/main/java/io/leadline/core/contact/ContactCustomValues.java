package io.leadline.core.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.custom.CustomValueHolder;
import io.leadline.platform.events.DomainEvent;
import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Contacts as holders of custom values: a deleted field's (or custom object's) value leaves each contact with a {@code contact.updated}. */
@ApplicationScoped
public class ContactCustomValues implements CustomValueHolder {

    @Inject
    ContactRepository contacts;

    @Override
    public String table() {
        return ContactService.CONTACT;
    }

    @Override
    public Uni<List<DomainEvent>> rewrite(Caller caller, List<String> ids, UnaryOperator<Map<String, Object>> change) {
        return CustomValueHolder.each(ids, id -> contacts.findInOrganization(caller.organizationId(), id).map(contact -> {
            ObjectNode before = ContactJson.toJson(contact);
            contact.custom = change.apply(contact.custom);
            return DomainEvent.updated(caller, ContactService.CONTACT, id, contact.leadId, before,
                    ContactJson.toJson(contact));
        }));
    }
}
