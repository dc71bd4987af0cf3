package io.leadline.activities.sms;

import io.leadline.activities.call.CallPhones;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

/** A phone number field of a message body (SMS, and WhatsApp, which reads its phones as SMS does), kept in E.164 as calls keep theirs. */
public final class PhoneInput {

    private PhoneInput() {
    }

    /** Absent, cleared, or the number in E.164; a field error when it is no phone number or required and missing. */
    public static Patch<String> read(RequestBody body, String field, boolean required) {
        String raw = required ? body.requiredString(field, RequestBody.ID_LENGTH) : body.string(field, RequestBody.ID_LENGTH);
        if (raw == null || raw.isBlank()) {
            if (required && raw != null) {
                body.fail(field, "This field may not be blank.");
            }
            return Patch.read(body, field, null);
        }
        return CallPhones.normalize(raw).map(Patch::of).orElseGet(() -> {
            body.fail(field, "Not a valid phone number.");
            return Patch.absent();
        });
    }
}
