package dev.loglake.generator.generate;

import com.github.luben.zstd.ZstdInputStream;
import dev.loglake.generator.format.CombinedLineParser;
import dev.loglake.generator.format.LogRecord;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.format.ParquetDecoder;
import dev.loglake.generator.manifest.ArrivalDateStats;
import dev.loglake.generator.manifest.EventDateCounter;
import dev.loglake.generator.manifest.EventDateStats;
import dev.loglake.generator.manifest.PathCount;
import dev.loglake.generator.model.BotRule;
import dev.loglake.generator.store.TestingObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Recounts the written objects by their text, independently of the generator's counters: what the manifest
 * must equal. Strings, not model keys, decide distinct addresses and visitors. Combined and Parquet only: the
 * other formats have no parser in Java, and TestGeneratedFormatsAgainstManifest (integration-tests) recounts them
 * in the lake.
 */
final class ManifestRecount {
    private static final Pattern DT = Pattern.compile(".*/dt=(\\d{4}-\\d{2}-\\d{2})/hour=\\d{2}/[^/]+");

    final Map<String, EventDateStats> eventDates = new TreeMap<>();
    final Map<String, ArrivalDateStats> arrivalDates = new TreeMap<>();

    static ManifestRecount of(TestingObjectStore store, OutputFormat format) {
        Map<String, Day> days = new TreeMap<>();
        Map<String, long[]> arrivals = new TreeMap<>();
        for (String key : store.list("access/" + format.folder() + "/")) {
            Matcher matcher = DT.matcher(key);
            if (!matcher.matches()) {
                throw new IllegalStateException("key outside the layout: " + key);
            }
            String arrival = matcher.group(1);
            long[] counts = arrivals.computeIfAbsent(arrival, k -> new long[4]);
            counts[3]++;
            for (Optional<LogRecord> record : records(store.get(key), key, format)) {
                if (record.isEmpty()) {
                    counts[1]++;
                    continue;
                }
                counts[0]++;
                String eventDate = record.get().eventDate().toString();
                boolean late = eventDate.compareTo(arrival) < 0;
                if (late) {
                    counts[2]++;
                }
                days.computeIfAbsent(eventDate, k -> new Day()).add(record.get(), late);
            }
        }
        ManifestRecount recount = new ManifestRecount();
        days.forEach((date, day) -> recount.eventDates.put(date, day.stats()));
        arrivals.forEach(
                (date, c) -> recount.arrivalDates.put(date, new ArrivalDateStats(c[0] + c[1], c[0], c[1], c[2], c[3])));
        return recount;
    }

    private static List<Optional<LogRecord>> records(byte[] object, String key, OutputFormat format) {
        List<Optional<LogRecord>> records = new ArrayList<>();
        if (format == OutputFormat.PARQUET) {
            ParquetDecoder.decode(object).forEach(record -> records.add(Optional.of(record)));
            return records;
        }
        String text = new String(decompress(object, key), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            records.add(CombinedLineParser.parse(line));
        }
        return records;
    }

    static byte[] decompress(byte[] object, String key) {
        try {
            InputStream in = new ByteArrayInputStream(object);
            if (key.endsWith(".gz")) {
                in = new GZIPInputStream(in);
            } else if (key.endsWith(".zst")) {
                in = new ZstdInputStream(in);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Day {
        long valid;
        long bytes;
        long bots;
        long late;
        final Map<Integer, Long> statuses = new TreeMap<>();
        final Map<String, Long> paths = new HashMap<>();
        final Set<String> ips = new HashSet<>();
        final Set<String> visitors = new HashSet<>();

        void add(LogRecord record, boolean isLate) {
            valid++;
            bytes += record.bytes();
            statuses.merge(record.status(), 1L, Long::sum);
            paths.merge(record.path(), 1L, Long::sum);
            ips.add(record.clientIp());
            visitors.add(record.clientIp() + "\u0000" + record.userAgent());
            bots += BotRule.isBot(record.userAgent()) ? 1 : 0;
            late += isLate ? 1 : 0;
        }

        EventDateStats stats() {
            List<PathCount> counts = new ArrayList<>();
            paths.forEach((path, count) -> counts.add(new PathCount(path, count)));
            return new EventDateStats(
                    valid, statuses, bytes, ips.size(), visitors.size(), EventDateCounter.topPaths(counts), bots, late);
        }
    }
}
