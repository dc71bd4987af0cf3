package io.leadline.platform.owner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What another service knows of an object it does not own: enough to check a reference (it exists in the caller's
 * organization) and to file it (its event-log object type, the lead it belongs to).
 *
 * @param objectType the event log's vocabulary: {@code lead}, {@code contact}, {@code activity.note}, …
 * @param leadId     the lead the object belongs to (the lead's own id for a lead), null if none
 * @param fields     the owner's answer, limited to the fields asked for
 */
public record OwnedObject(String id, String organizationId, String objectType, String leadId, JsonNode fields) {
}
