package io.leadline.core.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.platform.wire.RequestBody;

/** The body of {@code POST /lead/merge/}: which lead ({@code source}) merges into which ({@code destination}). */
record MergeRequest(RequestBody body, String source, String destination) {

    static final String SOURCE = "source";
    static final String DESTINATION = "destination";

    /** Reads the body; a missing id, a non-string or a lead merged into itself is refused before any query. */
    static MergeRequest of(JsonNode json) {
        RequestBody body = RequestBody.of(json);
        String source = body.requiredString(SOURCE, RequestBody.ID_LENGTH);
        String destination = body.requiredString(DESTINATION, RequestBody.ID_LENGTH);
        if (source != null && source.equals(destination)) {
            body.fail(DESTINATION, "A lead can't be merged into itself.");
        }
        body.throwIfInvalid();
        return new MergeRequest(body, source, destination);
    }

    void unknownLead(String field, String id) {
        body.fail(field, "Unknown lead: " + id + ".");
    }
}
