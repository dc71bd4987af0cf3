package io.leadline.core.custom;

import jakarta.ws.rs.Path;

/**
 * The legacy {@code /custom_fields/<owner>/} paths Close still serves (the Singer tap and the Ruby gem read them):
 * the handlers of {@link CustomFieldResource}, inherited with their annotations.
 */
@Path("/api/v1/custom_fields/{owner}")
public class LegacyCustomFieldResource extends CustomFieldResource {
}
