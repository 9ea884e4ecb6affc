package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Everything a run draws from, built once from the seed: the site, the browsers, the referrers, the visitor
 * pool and the incidents. Immutable and shared by all worker threads; each window of traffic brings its own
 * random generator.
 */
public final class TrafficModel {
    private final SiteMap site;
    private final VisitorFactory visitors;
    private final Referrers referrers;
    private final ResponseModel responses;
    private final long returningVisitors;
    private final int[] productIndexById;

    private TrafficModel(
            SiteMap site,
            VisitorFactory visitors,
            Referrers referrers,
            ResponseModel responses,
            long returningVisitors) {
        this.site = requireNonNull(site, "site is null");
        this.visitors = requireNonNull(visitors, "visitors is null");
        this.referrers = requireNonNull(referrers, "referrers is null");
        this.responses = requireNonNull(responses, "responses is null");
        if (returningVisitors < 2) {
            throw new IllegalArgumentException("the returning visitor pool needs at least 2 visitors");
        }
        this.returningVisitors = returningVisitors;
        this.productIndexById = new int[site.resources().size()];
        Arrays.fill(productIndexById, -1);
        for (int i = 0; i < site.products().size(); i++) {
            productIndexById[site.products().get(i).id()] = i;
        }
    }

    public static TrafficModel build(long seed, long eventsPerDay, List<Incident> incidents) {
        // About one loyal visitor per 25 daily events: each comes back every few days.
        long pool = Math.max(100, Math.min(eventsPerDay / 25, IpPlan.IPV4_CAPACITY / 4));
        return new TrafficModel(
                SiteMap.build(seed),
                new VisitorFactory(seed, UserAgents.build(seed)),
                Referrers.build(seed),
                new ResponseModel(incidents),
                pool);
    }

    public SiteMap site() {
        return site;
    }

    public VisitorFactory visitors() {
        return visitors;
    }

    public Referrers referrers() {
        return referrers;
    }

    public ResponseModel responses() {
        return responses;
    }

    /** Size of the pool returning visitors are drawn from (numbers 0 to size - 1); newcomers follow. */
    public long returningVisitors() {
        return returningVisitors;
    }

    /** The position of a product page in {@link SiteMap#products()} by resource id, -1 for other resources. */
    int productIndex(int resourceId) {
        return productIndexById[resourceId];
    }
}
