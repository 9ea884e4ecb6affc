package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Everything a run draws from, built once from the seed: the site, the browsers, the referrers, the visitor
 * pool and the incidents. Immutable and shared by all worker threads; each window of traffic brings its own
 * random generator.
 *
 * @param returningVisitors size of the pool returning visitors are drawn from (numbers 0 to size - 1);
 *     newcomers are numbered from there on
 */
public record TrafficModel(
        long seed,
        SiteMap site,
        VisitorFactory visitors,
        Referrers referrers,
        ResponseModel responses,
        long returningVisitors,
        int[] productIndexById) {
    public TrafficModel {
        requireNonNull(site, "site is null");
        requireNonNull(visitors, "visitors is null");
        requireNonNull(referrers, "referrers is null");
        requireNonNull(responses, "responses is null");
        if (returningVisitors < 2) {
            throw new IllegalArgumentException("the returning visitor pool needs at least 2 visitors");
        }
    }

    public static TrafficModel build(long seed, long eventsPerDay, List<Incident> incidents) {
        SiteMap site = SiteMap.build(seed);
        int[] productIndex = new int[site.resources().size()];
        Arrays.fill(productIndex, -1);
        for (int i = 0; i < site.products().size(); i++) {
            productIndex[site.products().get(i).id()] = i;
        }
        // About one loyal visitor per 25 daily events: each comes back every few days.
        long pool = Math.max(100, Math.min(eventsPerDay / 25, IpPlan.IPV4_CAPACITY / 4));
        return new TrafficModel(
                seed,
                site,
                new VisitorFactory(seed, UserAgents.build(seed)),
                Referrers.build(seed),
                new ResponseModel(incidents),
                pool,
                productIndex);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "TrafficModel[seed=" + seed + ", returningVisitors=" + returningVisitors + "]";
    }
}
