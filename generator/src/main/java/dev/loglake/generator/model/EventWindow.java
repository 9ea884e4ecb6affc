package dev.loglake.generator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the events of a time window up to a quota. A session stops when its next event would fall after
 * the window or the quota is full: the generator never writes an event outside the window it was asked for.
 */
public final class EventWindow {
    private final long fromMillis;
    private final long toMillis;
    private final int quota;
    private final List<AccessEvent> events;

    public EventWindow(long fromMillis, long toMillis, int quota) {
        if (toMillis <= fromMillis || quota < 0) {
            throw new IllegalArgumentException("empty window or negative quota");
        }
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
        this.quota = quota;
        this.events = new ArrayList<>(quota);
    }

    /** Adds the event if it fits; false tells the session to end. */
    public boolean accept(AccessEvent event) {
        if (event.timeMillis() >= toMillis || events.size() >= quota) {
            return false;
        }
        if (event.timeMillis() < fromMillis) {
            throw new IllegalStateException("event before its window: " + event.timeMillis());
        }
        events.add(event);
        return true;
    }

    /** Whether a session ending at this time still fits. */
    public boolean open(long timeMillis) {
        return timeMillis < toMillis && events.size() < quota;
    }

    public boolean full() {
        return events.size() >= quota;
    }

    public long fromMillis() {
        return fromMillis;
    }

    public long toMillis() {
        return toMillis;
    }

    /** The events in the order the sessions made them (for tests of session invariants). */
    List<AccessEvent> eventsInCreationOrder() {
        return List.copyOf(events);
    }

    /** The events in time order (stable: ties keep the order they were made in). */
    public List<AccessEvent> sortedEvents() {
        events.sort((a, b) -> Long.compare(a.timeMillis(), b.timeMillis()));
        return events;
    }
}
