package io.leadline.activities.activity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.wire.RequestBody;

import java.util.function.BiConsumer;

/**
 * The {@code attachments} of a message body (emails, SMS, WhatsApp): files uploaded first, each named by an https
 * {@code url} and a {@code filename}; each type adds the keys it knows. Only those keys are kept.
 */
public final class Attachments {

    private Attachments() {
    }

    /** The cleaned list, null when the body sends none; {@code more} reads the type's own keys of each item. */
    public static ArrayNode read(RequestBody body, int maxItems, BiConsumer<RequestBody, ObjectNode> more) {
        ArrayNode items = body.array("attachments", maxItems);
        if (items == null) {
            return null;
        }
        ArrayNode clean = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            RequestBody item = body.nested("attachments", i, items.get(i));
            if (item == null) {
                continue;
            }
            String url = item.requiredNonBlank("url", RequestBody.MAX_LENGTH);
            if (url != null && !url.startsWith("https://")) {
                item.fail("url", "Must be an https URL.");
            }
            ObjectNode attachment = clean.addObject();
            attachment.put("url", url);
            attachment.put("filename", item.requiredNonBlank("filename", RequestBody.NAME_LENGTH));
            more.accept(item, attachment);
        }
        return clean;
    }
}
