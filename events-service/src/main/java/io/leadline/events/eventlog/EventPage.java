package io.leadline.events.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** One page of the event log, newest first, with the cursors to read on in either direction (null at an end). */
record EventPage(List<ObjectNode> events, String cursorNext, String cursorPrevious) {
}
