package io.leadline.core.search;

import io.leadline.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The lead filters of smart views, for lists that take {@code lead_saved_search_id} (opportunities). Implemented by
 * the smart views' package, so a list depends on search alone and smart views may read every list's table.
 */
public interface SavedQueries {

    /**
     * The filter of lead smart view {@code id} as the caller may see it, or a 400 on {@code parameter} when there is no
     * such view (another organization's, another user's private one, or not a lead view).
     */
    Uni<SearchFilter> leadFilter(Caller caller, String id, String parameter);
}
