package dev.loglake.generator.model;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The traffic of one time window (an hour or a slice of one): sessions start uniformly in the window and
 * run until the window's quota of events is reached. Sessions are cut at the window's end, so a window's
 * events never leave it, and each window can be generated alone, on any thread, from its own seed.
 */
public final class WindowTraffic {
    /** Shares of sessions; the rest are people, new or returning. */
    static final double CRAWLER_SESSIONS = 0.10;

    static final double SCANNER_SESSIONS = 0.01;
    static final double RETURNING_PEOPLE = 0.40;
    private static final int RETURNING_DRAWS = 16;

    private final TrafficModel model;

    public WindowTraffic(TrafficModel model) {
        this.model = model;
    }

    /**
     * @param date the UTC date of the window, for the daily and weekly cycles
     * @param firstNewcomer number of this window's first newcomer; the window uses at most {@code quota}
     *     numbers from there on
     */
    public List<AccessEvent> generate(
            LocalDate date, int utcHour, long fromMillis, long toMillis, int quota, long firstNewcomer, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EventWindow window = new EventWindow(fromMillis, toMillis, quota);
        WeightedList<Integer> countries = TrafficCycle.countriesAt(date, utcHour);
        long newcomer = firstNewcomer;
        while (!window.full()) {
            long start = fromMillis + (long) (random.nextDouble() * (toMillis - fromMillis));
            double kind = random.nextDouble();
            if (kind < CRAWLER_SESSIONS) {
                Visitor crawler = crawler(random);
                new CrawlerSession(model, window, random, crawler).walk(start);
            } else if (kind < CRAWLER_SESSIONS + SCANNER_SESSIONS) {
                Visitor scanner = model.visitors().newcomer(newcomer++, countries.pick(random), random);
                new ScannerSession(model, window, random, scanner).walk(start);
            } else if (random.nextDouble() < RETURNING_PEOPLE) {
                Visitor person = returning(date, utcHour, random);
                new HumanSession(model, window, random, person).walk(start, model.referrers());
            } else {
                Visitor person = model.visitors().newcomer(newcomer++, countries.pick(random), random);
                new HumanSession(model, window, random, person).walk(start, model.referrers());
            }
        }
        if (newcomer - firstNewcomer > quota) {
            throw new IllegalStateException("window used more newcomer numbers than its quota");
        }
        return window.sortedEvents();
    }

    private Visitor crawler(SplittableRandom random) {
        int index = CRAWLER_PICKER.pick(random);
        return VisitorFactory.crawler(
                index, random.nextInt(Crawlers.ALL.get(index).addresses()));
    }

    /** A returning visitor who is awake at this hour: loyal ones (low numbers) come back most. */
    private Visitor returning(LocalDate date, int utcHour, SplittableRandom random) {
        double max = TrafficCycle.maxLocalActivity();
        Visitor visitor = null;
        for (int draw = 0; draw < RETURNING_DRAWS; draw++) {
            double u = random.nextDouble();
            visitor = model.visitors().returning((long) (u * Math.sqrt(u) * model.returningVisitors()));
            Country country = Countries.ALL.get(visitor.countryIndex());
            if (random.nextDouble() * max < TrafficCycle.localActivity(country, date, utcHour)) {
                return visitor;
            }
        }
        return visitor;
    }

    private static final WeightedList<Integer> CRAWLER_PICKER = new WeightedList<>(
            java.util.stream.IntStream.range(0, Crawlers.ALL.size()).boxed().toList(), i -> Crawlers.WEIGHTS[i]);
}
