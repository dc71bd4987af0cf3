package io.leadline.platform.owner;

import java.util.Map;
import java.util.Optional;

/**
 * Which service owns an object, and where its API reads it, told by the id's prefix alone (every Leadline id starts
 * with its kind, as Close's do). Only kinds other services refer to are listed.
 */
public final class ObjectOwners {

    /** Reads one object: its service and the API path that answers it for the caller's organization. */
    public record Route(String service, String objectType, String pathPrefix, boolean listedById) {

        String uri(String id, String fields) {
            String query = "_fields=" + fields;
            return listedById
                    ? "/api/v1/" + pathPrefix + "/?id__in=" + id + "&" + query
                    : "/api/v1/" + pathPrefix + "/" + id + "/?" + query;
        }
    }

    public static final String CRM_CORE = "crm-core";
    public static final String ACTIVITIES = "activities";

    private static final Map<String, Route> BY_PREFIX = Map.of(
            "lead", new Route(CRM_CORE, "lead", "lead", false),
            "cont", new Route(CRM_CORE, "contact", "contact", false),
            "oppo", new Route(CRM_CORE, "opportunity", "opportunity", false),
            "task", new Route(CRM_CORE, "task", "task", false),
            // Close reads an activity only by its type's path; the union list finds one by id without knowing it.
            "acti", new Route(ACTIVITIES, "activity", "activity", true));

    private ObjectOwners() {
    }

    public static Optional<Route> routeOf(String objectId) {
        if (objectId == null) {
            return Optional.empty();
        }
        int separator = objectId.indexOf('_');
        return separator <= 0 ? Optional.empty() : Optional.ofNullable(BY_PREFIX.get(objectId.substring(0, separator)));
    }
}
