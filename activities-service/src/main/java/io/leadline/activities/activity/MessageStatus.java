package io.leadline.activities.activity;

import io.leadline.platform.wire.RequestBody;

import java.util.List;

/**
 * The status machine Close gives emails and SMS (NOTES §6.2): {@code inbox} and {@code sent} log what happened
 * elsewhere, a {@code draft} is edited until it moves to {@code scheduled} (needs {@code date_scheduled}) or
 * {@code outbox} (send now); only drafts change, and a waiting or failed message may only go back to draft, which
 * cancels its sending.
 */
public final class MessageStatus {

    public static final String INBOX = "inbox";
    public static final String DRAFT = "draft";
    public static final String SCHEDULED = "scheduled";
    public static final String OUTBOX = "outbox";
    public static final String SENT = "sent";
    public static final String ERROR = "error";
    public static final List<String> ALL = List.of(INBOX, DRAFT, SCHEDULED, OUTBOX, SENT, ERROR);

    /** What a PUT does to a message. */
    public enum Change {
        /** A draft edited, perhaps promoted to scheduled or outbox. */
        EDIT,
        /** A waiting or failed message back to draft: nothing else changes. */
        CANCEL
    }

    private MessageStatus() {
    }

    /** The status a create body names, a field error when absent or unknown. */
    public static String forCreate(RequestBody body) {
        String status = body.requiredString("status");
        return status == null ? null : body.choice("status", ALL);
    }

    /** The status an update body names (null when it names none), a field error when null or unknown. */
    public static String forUpdate(RequestBody body) {
        if (body.isNull("status")) {
            body.fail("status", "This field may not be null.");
        }
        return body.choice("status", ALL);
    }

    public static boolean waitsToBeSent(String status) {
        return SCHEDULED.equals(status) || OUTBOX.equals(status);
    }

    /**
     * Whether a PUT of a message in {@code current} moving it to {@code target} (the current status when the body
     * names none) may happen; throws the 400 when not. The body's fields decide a cancel: it may send only status.
     */
    public static Change check(String current, String target, RequestBody body) {
        if (!DRAFT.equals(current)) {
            boolean onlyStatus = body.json().size() == 1 && body.has("status");
            if (DRAFT.equals(target) && (waitsToBeSent(current) || ERROR.equals(current)) && onlyStatus) {
                return Change.CANCEL;
            }
            body.fail("status", "Only drafts can be edited; a scheduled, outbox or failed message can only be"
                    + " moved back to draft (which cancels sending).");
            body.throwIfInvalid();
        }
        if (!List.of(DRAFT, SCHEDULED, OUTBOX).contains(target)) {
            body.fail("status", "A draft can only become scheduled or outbox.");
        }
        return Change.EDIT;
    }
}
