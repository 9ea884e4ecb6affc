package dev.loglake.generator.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.format.LogRecord;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.manifest.ChannelDayStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.model.BotRule;
import dev.loglake.generator.shop.Channels;
import dev.loglake.generator.shop.ShopOrder;
import dev.loglake.generator.shop.ShopSink;
import dev.loglake.generator.store.TestingObjectStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shop's ground truth in the manifest, recounted from the written log lines by their strings (client IP and
 * user agent, not the model's visitor keys), with the lake's session and page-view rules written out here again,
 * and the orders the run handed to the shop.
 */
class TestShopGroundTruth {
    private static final LocalDate START = LocalDate.parse("2026-11-02");
    private static final Pattern NOT_A_PAGE =
            Pattern.compile("\\.(css|js|mjs|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|map|xml|txt|json)$");

    @Test
    void theManifestCountsVisitsOrdersAndRevenueAsTheLogsShowThem() {
        TestingObjectStore store = new TestingObjectStore();
        MemorySink sink = new MemorySink();
        Manifest manifest = new GenerateRun(
                        GenerateTesting.options(START, 3, 12_000, OutputFormat.COMBINED, 0.02, 0.001),
                        store,
                        GenerateTesting.silentProgress(),
                        new PrintStream(OutputStream.nullOutputStream()),
                        Optional.of(sink))
                .execute()
                .manifest();

        Map<String, Map<Long, ShopOrder>> orders = new TreeMap<>();
        sink.days.forEach((day, list) -> {
            Map<Long, ShopOrder> byId = new HashMap<>();
            list.forEach(order -> byId.put(order.orderId(), order));
            orders.put(day.toString(), byId);
        });
        Map<String, List<ChannelDayStats>> recounted = recount(store, orders);

        assertThat(manifest.shop()).isEqualTo(recounted);
        assertThat(sink.firstDay).isEqualTo(START);
        long allOrders = orders.values().stream().mapToLong(Map::size).sum();
        assertThat(allOrders).as("orders of three days").isGreaterThan(10);
        assertThat(manifest.shop().get("2026-11-03"))
                .extracting(ChannelDayStats::channel)
                .contains(Channels.PAID, Channels.DIRECT, Channels.ORGANIC_SEARCH, Channels.SOCIAL, Channels.REFERRAL);
        assertThat(manifest.shop().get("2026-11-03"))
                .filteredOn(stats -> stats.channel().equals(Channels.PAID))
                .extracting(ChannelDayStats::campaign)
                .doesNotContain(Channels.NO_CAMPAIGN);
    }

    /** Per event date: sessions by (client IP, user agent) with gaps under 30 minutes, those with a page view. */
    private static Map<String, List<ChannelDayStats>> recount(
            TestingObjectStore store, Map<String, Map<Long, ShopOrder>> orders) {
        Map<String, Map<String, List<LogRecord>>> visitors = new TreeMap<>();
        for (String key : GenerateTesting.dataKeys(store)) {
            String text = new String(
                    ManifestRecount.decompress(store.get(key), key), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                dev.loglake.generator.format.CombinedLineParser.parse(line)
                        .ifPresent(record -> visitors.computeIfAbsent(
                                        record.eventDate().toString(), day -> new HashMap<>())
                                .computeIfAbsent(
                                        record.clientIp() + "\u0000" + record.userAgent(), v -> new ArrayList<>())
                                .add(record));
            }
        }
        Map<String, List<ChannelDayStats>> stats = new TreeMap<>();
        visitors.forEach((day, byVisitor) -> {
            Map<List<String>, long[]> totals = new TreeMap<>(
                    Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
            Map<Long, ShopOrder> dayOrders = orders.getOrDefault(day, Map.of());
            Map<Long, Long> seenOrders = new HashMap<>();
            for (List<LogRecord> records : byVisitor.values()) {
                records.sort(Comparator.comparingLong(LogRecord::epochSecond));
                int start = 0;
                for (int i = 1; i <= records.size(); i++) {
                    if (i == records.size()
                            || records.get(i).epochSecond() - records.get(i - 1).epochSecond() >= 1800) {
                        session(records.subList(start, i), dayOrders, totals, seenOrders);
                        start = i;
                    }
                }
            }
            assertThat(seenOrders.keySet())
                    .as("every order of %s has its confirmation page in the logs, and nothing else does", day)
                    .containsExactlyInAnyOrderElementsOf(dayOrders.keySet());
            seenOrders.forEach((id, second) -> assertThat(dayOrders.get(id).orderedAtMillis() / 1000)
                    .as("order %d's time", id)
                    .isEqualTo(second));
            List<ChannelDayStats> list = new ArrayList<>();
            totals.forEach((k, s) -> list.add(new ChannelDayStats(k.get(0), k.get(1), s[0], s[1], s[2], s[3])));
            stats.put(day, list);
        });
        return stats;
    }

    private static void session(
            List<LogRecord> session,
            Map<Long, ShopOrder> dayOrders,
            Map<List<String>, long[]> totals,
            Map<Long, Long> seenOrders) {
        List<LogRecord> pageViews = session.stream()
                .filter(TestShopGroundTruth::pageView)
                .sorted(Comparator.comparingLong(LogRecord::epochSecond).thenComparing(LogRecord::path))
                .toList();
        if (pageViews.isEmpty()) {
            return;
        }
        LogRecord landing = pageViews.get(0);
        String query = landing.target().contains("?")
                ? landing.target().substring(landing.target().indexOf('?') + 1)
                : null;
        String host =
                landing.referer().map(referer -> URI.create(referer).getHost()).orElse(null);
        long[] sums = totals.computeIfAbsent(
                List.of(Channels.channel(host, query), Channels.campaign(query)), k -> new long[4]);
        sums[0]++;
        long placed = 0;
        for (LogRecord view : pageViews) {
            if (view.path().equals("/checkout/confirmation")) {
                long id = Long.parseLong(view.target().substring(view.target().indexOf("order=") + 6));
                seenOrders.put(id, view.epochSecond());
                placed++;
                sums[3] += dayOrders.get(id).amountCents();
            }
        }
        sums[1] += placed > 0 ? 1 : 0;
        sums[2] += placed;
    }

    private static boolean pageView(LogRecord record) {
        String path = record.path();
        return record.method().equals("GET")
                && record.status() < 400
                && !BotRule.isBot(record.userAgent())
                && !(NOT_A_PAGE.matcher(path).find()
                        || path.startsWith("/static/")
                        || path.startsWith("/assets/")
                        || path.startsWith("/api/"));
    }

    private static final class MemorySink implements ShopSink {
        final Map<LocalDate, List<ShopOrder>> days = new TreeMap<>();
        LocalDate firstDay;

        @Override
        public void check() {}

        @Override
        public void replaceDays(String storefront, LocalDate firstDay, Map<LocalDate, List<ShopOrder>> days) {
            this.firstDay = firstDay;
            this.days.putAll(days);
        }
    }
}
