package dev.loglake.generator.model;

/** Who is behind a session. */
public enum VisitorKind {
    /** First visit: a new identity, nothing cached, arrives from a search engine, a link or an ad. */
    NEW,
    /** Known identity from the run's visitor pool: assets revalidated from cache, logged in more often. */
    RETURNING,
    /** A search-engine or SEO crawler: pages only, no assets, fast and regular. */
    CRAWLER
}
