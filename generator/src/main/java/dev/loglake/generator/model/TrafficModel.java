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
    private final long orderSalt;
    private final int[] productIndexById;

    private TrafficModel(
            SiteMap site,
            VisitorFactory visitors,
            Referrers referrers,
            ResponseModel responses,
            long returningVisitors,
            long orderSalt) {
        this.site = requireNonNull(site, "site is null");
        this.visitors = requireNonNull(visitors, "visitors is null");
        this.referrers = requireNonNull(referrers, "referrers is null");
        this.responses = requireNonNull(responses, "responses is null");
        if (returningVisitors < 2) {
            throw new IllegalArgumentException("the returning visitor pool needs at least 2 visitors");
        }
        this.returningVisitors = returningVisitors;
        this.orderSalt = orderSalt;
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
                pool,
                seed ^ 0x0DE25A17L);
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

    /**
     * The shop's order id of a visitor's confirmation page at a time: 12 digits, the same on every run of the seed
     * (so a rerun replaces the same orders), and distinct between seeds, so that sites generated with their own seeds
     * share one shop. A hash, not a counter: hours are generated in parallel. Two orders of a run share an id with a
     * chance of about orders squared over 1.8e12 (1e-4 for a million orders); the shop's primary key would refuse it.
     */
    public long orderId(long visitorKey, long timeMillis) {
        long mixed = mix(orderSalt ^ mix(visitorKey * 0x9E3779B97F4A7C15L + timeMillis));
        return 100_000_000_000L + Math.floorMod(mixed, 900_000_000_000L);
    }

    /** The shop's customer id of a visitor: 10 digits, stable over the run's days, distinct between seeds. */
    public long customerId(long visitorKey) {
        return 1_000_000_000L + Math.floorMod(mix(orderSalt ^ mix(~visitorKey)), 9_000_000_000L);
    }

    /** SplitMix64's finalizer: a bijection of longs that spreads every input bit. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The position of a product page in {@link SiteMap#products()} by resource id, -1 for other resources. */
    int productIndex(int resourceId) {
        return productIndexById[resourceId];
    }
}
