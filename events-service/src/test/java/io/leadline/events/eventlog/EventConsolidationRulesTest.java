package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The folding rules alone, with the database played by a list: how the polls fall must not change the log. */
class EventConsolidationRulesTest {

    private static final EventConsolidation RULES = new EventConsolidation(Duration.ofSeconds(5));
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void theLogIsTheSameHoweverTheEventsAreSplitIntoPolls() {
        // events of two objects by two users, 0-3 s apart (the window is 5 s), some not updates; cut into polls at random
        qt().withExamples(300).forAll(
                lists().of(integers().between(0, 39)).ofSizeBetween(1, 25),
                lists().of(integers().between(1, 6)).ofSizeBetween(1, 25)
        ).checkAssert((shapes, polls) -> {
            List<StoredEvent> events = new ArrayList<>();
            Instant time = AT;
            for (int i = 0; i < shapes.size(); i++) {
                int shape = shapes.get(i);
                time = time.plusSeconds(shape % 4);
                // shapes 32-39 (a fifth) are another action, the rest updates
                String action = shape < 32 ? "updated" : shape % 2 == 0 ? "created" : "deleted";
                // ids sort in arrival order, as Leadline's time-prefixed ids do (the newest stored event of an object
                // is the one with the latest date_updated, then the greatest id)
                events.add(event(String.format("ev_%03d", i), "lead_" + (shape / 4 % 2), "user_" + (shape / 8 % 2),
                        action, time, "f" + i));
            }
            List<StoredEvent> oneByOne = new ArrayList<>();
            int from = 0;
            for (int p = 0; from < events.size(); p++) {
                int size = polls.get(p % polls.size());
                store(oneByOne, events.subList(from, Math.min(events.size(), from + size)));
                from += size;
            }
            List<StoredEvent> allAtOnce = new ArrayList<>();
            store(allAtOnce, events);
            assertEquals(render(allAtOnce), render(oneByOne));
        });
    }

    @Test
    void anUpdateNeverFoldsAcrossAnotherActionOfItsObject() {
        StoredEvent first = event("ev_1", "lead_1", "user_1", "updated", AT, "name");
        StoredEvent other = event("ev_2", "lead_1", "user_1", "deleted", AT.plusSeconds(1), "x");
        StoredEvent last = event("ev_3", "lead_1", "user_1", "updated", AT.plusSeconds(2), "url");
        List<StoredEvent> log = new ArrayList<>();
        store(log, List.of(first));
        store(log, List.of(other, last));
        assertEquals(List.of("ev_1", "ev_2", "ev_3"), log.stream().map(StoredEvent::id).toList());
    }

    /** What EventStore does, on a list: look up each object's newest stored event, then fold the poll from there. */
    private static void store(List<StoredEvent> log, List<StoredEvent> poll) {
        Map<EventConsolidation.ObjectKey, StoredEvent> newest = new HashMap<>();
        for (EventConsolidation.ObjectKey key : RULES.lookUp(poll)) {
            log.stream().filter(event -> key.equals(EventConsolidation.ObjectKey.of(event)))
                    .max(Comparator.comparing(StoredEvent::dateUpdated).thenComparing(StoredEvent::id))
                    .ifPresent(event -> newest.put(key, event));
        }
        EventConsolidation.Outcome outcome = RULES.fold(poll, newest);
        for (StoredEvent rewritten : outcome.rewrites()) {
            log.replaceAll(event -> event.id().equals(rewritten.id()) ? rewritten : event);
        }
        log.addAll(outcome.inserts());
    }

    private static List<String> render(List<StoredEvent> log) {
        return log.stream().map(event -> event.id() + " " + event.dateUpdated() + " " + event.json()).toList();
    }

    private static StoredEvent event(String id, String lead, String user, String action, Instant at, String field) {
        ObjectNode json = EventFixtures.MAPPER.createObjectNode();
        json.put("id", id).put("action", action).put("date_updated", at.toString());
        json.putArray("changed_fields").add(field);
        json.putObject("previous_data").put(field, "before " + id);
        json.putObject("data").put(field, "after " + id);
        Instant time = at.truncatedTo(ChronoUnit.MICROS);
        return new StoredEvent(id, "orga_1", "lead", lead, action, lead, user, "req_" + id, time, time, json);
    }
}
