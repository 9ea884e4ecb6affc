package dev.loglake.generator.model;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Makes visitors from their numbers. A returning visitor is a pure function of (seed, number), so that the
 * same person comes back with the same address and browser on every day of a run, from any worker thread.
 *
 * <p>Households: 30% of pairs of returning visitors (2k, 2k+1) share one address, as a phone and a laptop
 * behind one home router do; the second member then always uses another kind of device, hence another user
 * agent, so that the (address, user agent) pairs stay distinct.
 */
public final class VisitorFactory {
    static final double IPV6_SHARE = 0.22;
    static final double HTTP2_SHARE = 0.75;
    private static final int SHARED_HOUSEHOLD_PERCENT = 30;

    private final long seed;
    private final UserAgents userAgents;
    private final WeightedList<Integer> countries;
    private final WeightedList<Device> devices;

    public VisitorFactory(long seed, UserAgents userAgents) {
        this.seed = seed;
        this.userAgents = userAgents;
        this.countries = new WeightedList<>(
                java.util.stream.IntStream.range(0, Countries.ALL.size())
                        .boxed()
                        .toList(),
                index -> Countries.ALL.get(index).weight());
        this.devices = new WeightedList<>(List.of(Device.values()), Device::share);
    }

    public Visitor returning(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("visitor number is negative: " + number);
        }
        SplittableRandom random = new SplittableRandom(IpPlan.mix(seed ^ IpPlan.mix(number)));
        long household = number >>> 1;
        boolean shared = Long.remainderUnsigned(IpPlan.mix(seed + household), 100) < SHARED_HOUSEHOLD_PERCENT;
        if ((number & 1) == 1 && shared) {
            Visitor first = returning(number - 1);
            Device device = otherDevice(first.device(), random);
            return person(number, number - 1, first.countryIndex(), device, first.ip(), VisitorKind.RETURNING, random);
        }
        int country = countries.pick(random);
        Device device = devices.pick(random);
        boolean ipv6 = random.nextDouble() < IPV6_SHARE;
        Token ip = new Token(IpPlan.address(country, number, ipv6));
        return person(number, number, country, device, ip, VisitorKind.RETURNING, random);
    }

    /** A first-time visitor: a fresh number, from the country the hour's traffic calls for. */
    public Visitor newcomer(long number, int countryIndex, RandomGenerator random) {
        Device device = devices.pick(random);
        boolean ipv6 = random.nextDouble() < IPV6_SHARE;
        Token ip = new Token(IpPlan.address(countryIndex, number, ipv6));
        return person(number, number, countryIndex, device, ip, VisitorKind.NEW, random);
    }

    public static Visitor crawler(int crawlerIndex, int addressIndex) {
        Crawler crawler = Crawlers.ALL.get(crawlerIndex);
        long key = -1L - ((long) crawlerIndex << 16 | addressIndex);
        return new Visitor(
                key,
                new Token(crawler.address(addressIndex)),
                key,
                new Token(crawler.userAgent()),
                -1,
                Device.DESKTOP,
                VisitorKind.CRAWLER,
                false,
                Optional.of(crawler));
    }

    private Visitor person(
            long number, long ipKey, int country, Device device, Token ip, VisitorKind kind, RandomGenerator random) {
        UserAgent agent = userAgents.pick(device, random);
        boolean http2 = random.nextDouble() < HTTP2_SHARE;
        return new Visitor(number, ip, ipKey, agent.text(), country, device, kind, http2, Optional.empty());
    }

    private static Device otherDevice(Device device, RandomGenerator random) {
        Device[] all = Device.values();
        Device other;
        do {
            other = all[random.nextInt(all.length)];
        } while (other == device);
        return other;
    }
}
