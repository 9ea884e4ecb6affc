package dev.loglake.generator.shop;

import dev.loglake.generator.manifest.ChannelDayStats;
import dev.loglake.generator.model.AccessEvent;
import dev.loglake.generator.model.Resource;
import dev.loglake.generator.model.Token;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects what the shop's ground truth of one event date needs: every valid event's visitor and second (the
 * session rule needs all of them), the referrer and query of page views, and the orders. Sessions are counted at
 * the end, over the whole date, exactly as marts/sessions.sql cuts them. Not thread-safe: one per worker, merged.
 */
public final class ShopDayCounter {
    private static final long SESSION_GAP_SECONDS = 30 * 60;

    private final ShopCatalog catalog;
    private final List<Touch> touches = new ArrayList<>();
    private final List<ShopOrder> orders = new ArrayList<>();

    /**
     * One request as the session rule sees it.
     *
     * @param landing the page view's path, referrer host and query; null when the request is no page view
     * @param orderId the order its confirmation page names, 0 for none
     */
    record Touch(long visitor, long second, Landing landing, long orderId) {}

    /** What the channel rule reads of a page view; the path breaks ties between page views of one second. */
    record Landing(String path, String referrerHost, String query) {}

    public ShopDayCounter(ShopCatalog catalog) {
        this.catalog = catalog;
    }

    /** Counts a valid event of this date (the format keeps the user agent: a visitor is a model visitor). */
    public void add(AccessEvent event, long customerId) {
        String target = event.resource().target().text();
        String path = Resource.pathOf(target);
        boolean pageView = PageViews.isPageView(event, path);
        Landing landing = pageView ? new Landing(path, host(event.referer()), query(target)) : null;
        long orderId = pageView ? orderId(target) : 0;
        if (orderId != 0) {
            orders.add(new ShopOrder(orderId, customerId, event.timeMillis(), catalog.items(orderId)));
        }
        touches.add(new Touch(event.visitor().key(), event.epochSecond(), landing, orderId));
    }

    public void addAll(ShopDayCounter other) {
        touches.addAll(other.touches);
        orders.addAll(other.orders);
    }

    /** By id, each once. */
    public List<ShopOrder> orders() {
        Map<Long, ShopOrder> byId = new TreeMap<>();
        orders.forEach(order -> byId.putIfAbsent(order.orderId(), order));
        return List.copyOf(byId.values());
    }

    /** Per channel and campaign, in that order. */
    public List<ChannelDayStats> toStats() {
        Map<Long, Long> amounts = new java.util.HashMap<>();
        orders.forEach(order -> amounts.merge(order.orderId(), order.amountCents(), Long::sum));
        List<Touch> sorted = touches.stream()
                .sorted(Comparator.comparingLong(Touch::visitor).thenComparingLong(Touch::second))
                .toList();
        Map<List<String>, long[]> totals = new TreeMap<>(
                Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || startsSession(sorted.get(i - 1), sorted.get(i))) {
                count(sorted.subList(start, i), amounts, totals);
                start = i;
            }
        }
        List<ChannelDayStats> stats = new ArrayList<>();
        totals.forEach((key, sums) ->
                stats.add(new ChannelDayStats(key.get(0), key.get(1), sums[0], sums[1], sums[2], sums[3])));
        return stats;
    }

    private static boolean startsSession(Touch previous, Touch next) {
        return next.visitor() != previous.visitor() || next.second() - previous.second() >= SESSION_GAP_SECONDS;
    }

    /** Adds one session: a visit when it has a page view, attributed by its first (by second, then path). */
    private static void count(List<Touch> session, Map<Long, Long> amounts, Map<List<String>, long[]> totals) {
        Optional<Landing> landing = session.stream()
                .filter(touch -> touch.landing() != null)
                .min(Comparator.comparingLong(Touch::second)
                        .thenComparing(touch -> touch.landing().path()))
                .map(Touch::landing);
        if (landing.isEmpty()) {
            return;
        }
        List<Long> orderIds = session.stream()
                .map(Touch::orderId)
                .filter(id -> id != 0 && amounts.containsKey(id))
                .distinct()
                .toList();
        long[] sums = totals.computeIfAbsent(
                List.of(
                        Channels.channel(
                                landing.get().referrerHost(), landing.get().query()),
                        Channels.campaign(landing.get().query())),
                key -> new long[4]);
        sums[0]++;
        sums[1] += orderIds.isEmpty() ? 0 : 1;
        sums[2] += orderIds.size();
        sums[3] += orderIds.stream().mapToLong(amounts::get).sum();
    }

    /** The referrer's host as Trino's url_extract_host reads it; null without a referrer. */
    static String host(Token referer) {
        String text = referer.text();
        if (text.equals("-") || text.isEmpty()) {
            return null;
        }
        return URI.create(text).getHost();
    }

    private static String query(String target) {
        int mark = target.indexOf('?');
        return mark < 0 ? null : target.substring(mark + 1);
    }

    /** The order a confirmation page names ({@code /checkout/confirmation?order=N}), 0 for any other page. */
    static long orderId(String target) {
        if (!target.startsWith("/checkout/confirmation?")) {
            return 0;
        }
        return Channels.parameter(query(target), "order").map(Long::parseLong).orElse(0L);
    }
}
