package io.leadline.activities.activity;

import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.Patch;
import io.leadline.platform.wire.RequestBody;

import java.time.Instant;

/**
 * The fields every writable activity body shares (NOTES §6.1): {@code lead_id} (required on create),
 * {@code contact_id}, {@code activity_at}, and the audit overrides Close accepts on create for imports
 * ({@code user_id}, {@code created_by_id}, {@code date_created}, {@code organization_id}, which must be the caller's).
 */
public final class ActivityBaseInput {

    public final RequestBody body;
    /** The caller's internal JWT: lead and contact ids unknown here are asked of crm-core with it. */
    final String internalToken;
    final boolean create;
    final Patch<String> leadId;
    final Patch<String> contactId;
    final Patch<Instant> activityAt;
    final String userId;
    final String createdById;
    final Instant dateCreated;

    private ActivityBaseInput(RequestBody body, Caller caller, String internalToken, boolean create) {
        this.body = body;
        this.internalToken = internalToken;
        this.create = create;
        String lead = create ? body.requiredNonBlank("lead_id", RequestBody.ID_LENGTH) : body.string("lead_id", RequestBody.ID_LENGTH);
        if (!create && body.isNull("lead_id")) {
            body.fail("lead_id", "This field may not be null.");
        }
        this.leadId = Patch.read(body, "lead_id", lead);
        this.contactId = Patch.read(body, "contact_id", blankAsNull(body.string("contact_id", RequestBody.ID_LENGTH)));
        Instant at = body.datetime("activity_at");
        this.activityAt = Patch.read(body, "activity_at", at);
        if (!create && body.isNull("activity_at")) {
            body.fail("activity_at", "This field may not be null.");
        }
        if (create) {
            this.userId = blankAsNull(body.string("user_id", RequestBody.ID_LENGTH));
            this.createdById = blankAsNull(body.string("created_by_id", RequestBody.ID_LENGTH));
            this.dateCreated = body.datetime("date_created");
            String organization = body.string("organization_id", RequestBody.ID_LENGTH);
            if (organization != null && !organization.equals(caller.organizationId())) {
                body.fail("organization_id", "Must be your own organization.");
            }
        } else {
            this.userId = null;
            this.createdById = null;
            this.dateCreated = null;
        }
    }

    public static ActivityBaseInput forCreate(RequestBody body, Caller caller, String internalToken) {
        return new ActivityBaseInput(body, caller, internalToken, true);
    }

    public static ActivityBaseInput forUpdate(RequestBody body, Caller caller, String internalToken) {
        return new ActivityBaseInput(body, caller, internalToken, false);
    }

    /** The lead a new activity names (null after a field error). */
    public String leadId() {
        return leadId.value();
    }

    /** The lead the activity will belong to: the body's, else the stored one. */
    String leadIdFor(Activity activity) {
        return leadId.isPresent() && leadId.value() != null ? leadId.value() : activity.leadId;
    }

    /**
     * The contact the activity will name: the body's, else the stored one unless the lead changes (a contact is
     * always one of its lead's, so moving to another lead without naming a contact clears it).
     */
    String contactIdFor(Activity activity) {
        if (contactId.isPresent()) {
            return contactId.value();
        }
        return leadIdFor(activity).equals(activity.leadId) ? activity.contactId : null;
    }

    /** Sets a new activity's references and audit fields. */
    void applyOnCreate(Activity activity, Caller caller, Instant now) {
        activity.recordCreation(caller, now);
        activity.leadId = leadId.value();
        activity.contactId = contactId.value();
        if (userId != null && !userId.equals(caller.userId())) {
            activity.userId = userId;
            activity.userName = null; // users live in the gateway; the name is unknown here
        }
        if (createdById != null && !createdById.equals(caller.userId())) {
            activity.createdBy = createdById;
            activity.createdByName = null;
        }
        if (dateCreated != null) {
            activity.dateCreated = dateCreated;
            activity.activityAt = dateCreated;
        }
        if (activityAt.value() != null) {
            activity.activityAt = activityAt.value();
        }
    }

    /** Changes an existing activity's references and activity_at as the body asks. */
    void applyOnUpdate(Activity activity) {
        String lead = leadIdFor(activity);
        activity.contactId = contactIdFor(activity);
        activity.leadId = lead;
        activityAt.ifPresent(at -> activity.activityAt = at);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
