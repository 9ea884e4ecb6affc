package dev.loglake.reports.model;

import static java.util.Objects.requireNonNull;

/**
 * One site's line of the report's per-site breakdown, over the period's complete days. Its visitors and p95 are
 * the site's own: they do not add up to all sites' figures.
 *
 * @param site the site's name, from the raw layout or a log line's host: hostile input for the renderers
 */
public record SiteRow(
        String site, long requests, long visitors, long pageViews, long clientErrors, long serverErrors, double p95Ms) {
    public SiteRow {
        requireNonNull(site, "site is null");
    }

    /** Share of the site's requests answered 4xx (0-1). */
    public double clientErrorRate() {
        return requests == 0 ? 0 : (double) clientErrors / requests;
    }

    /** Share of the site's requests answered 5xx (0-1). */
    public double serverErrorRate() {
        return requests == 0 ? 0 : (double) serverErrors / requests;
    }
}
