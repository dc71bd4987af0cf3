package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.events.eventlog.EventRepository.EventRow;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.CloseException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the event log of the caller's organization; another organization's events do not exist for it. */
@ApplicationScoped
public class EventLogService {

    @Inject
    EventRepository repository;

    public Uni<ObjectNode> get(Caller caller, String id) {
        return repository.findPayload(caller.organizationId(), id).map(payload -> {
            if (payload == null) {
                throw CloseException.notFound();
            }
            return EventPrivacy.visibleTo(caller, EventJson.event(payload), Instant.now());
        });
    }

    /**
     * Reads one row more than the page in the cursor's direction: that row proves the log goes on that way, so
     * the cursor onwards is null exactly at the end. Backwards, the rows are read oldest first and turned round.
     */
    public Uni<EventPage> list(Caller caller, EventListQuery query) {
        EventCursor from = query.cursor();
        int limit = query.limit();
        return repository.page(caller.organizationId(), query, from, limit + 1).map(rows -> {
            boolean more = rows.size() > limit;
            List<EventRow> page = new ArrayList<>(more ? rows.subList(0, limit) : rows);
            boolean backwards = from != null && from.direction() == EventCursor.Direction.NEWER;
            if (backwards) {
                Collections.reverse(page);
            }
            // Towards older events: known from the over-fetch when reading that way; when reading back, the page
            // we came from is older. Towards newer: the reverse.
            boolean olderExist = backwards || more;
            boolean newerExist = backwards ? more : from != null;
            Instant now = Instant.now();
            List<ObjectNode> events = page.stream()
                    .map(row -> EventPrivacy.visibleTo(caller, EventJson.event(row.payload()), now))
                    .toList();
            return new EventPage(events,
                    olderExist ? cursor(EventCursor.Direction.OLDER, page, from, false) : null,
                    newerExist ? cursor(EventCursor.Direction.NEWER, page, from, true) : null);
        });
    }

    /** A cursor from the page's oldest (or newest) row; an empty page keeps the position it was read from. */
    private static String cursor(EventCursor.Direction direction, List<EventRow> page, EventCursor from, boolean first) {
        EventPosition position = page.isEmpty() ? from.position()
                : page.get(first ? 0 : page.size() - 1).position();
        return new EventCursor(direction, position).encode();
    }
}
