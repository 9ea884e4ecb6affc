package dev.loglake.generator.model;

/** What goes wrong during an incident. */
public enum IncidentKind {
    /** A share of the affected requests fails with 500, 502, 503 or 504. */
    ERRORS,
    /** The affected requests are answered, but many times slower. */
    LATENCY
}
