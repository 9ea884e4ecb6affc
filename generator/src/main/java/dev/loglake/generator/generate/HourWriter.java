package dev.loglake.generator.generate;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.format.LineBuffer;
import dev.loglake.generator.format.LineEncoder;
import dev.loglake.generator.format.MalformedKind;
import dev.loglake.generator.format.MalformedLines;
import dev.loglake.generator.format.ParquetEncoder;
import dev.loglake.generator.manifest.ArrivalDateCounter;
import dev.loglake.generator.manifest.EventDateCounter;
import dev.loglake.generator.model.AccessEvent;
import dev.loglake.generator.model.TrafficModel;
import dev.loglake.generator.model.WindowTraffic;
import dev.loglake.generator.shop.ShopCatalog;
import dev.loglake.generator.shop.ShopDayCounter;
import dev.loglake.generator.store.ObjectStore;
import dev.loglake.generator.store.ObjectUpload;
import dev.loglake.lake.RawLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Generates one arrival hour, object by object: the on-time events of the hour in time order with the
 * malformed lines among them, then the block of late events. Counts every line for the manifest whether or
 * not it is uploaded. One writer per worker thread.
 */
final class HourWriter {
    private static final int FLUSH_BYTES = 256 * 1024;
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    /** The hour (UTC) whose first object carries the day's one oversized line. */
    private static final int OVERSIZED_HOUR = 12;

    private final TrafficModel model;
    private final GenerateOptions options;
    private final ObjectStore store;
    private final ProgressReporter progress;
    private final BooleanSupplier cancelled;
    /** Null when the run writes no shop: then the shop's ground truth costs nothing. */
    private final ShopCatalog shop;

    private final WindowTraffic traffic;
    private final LineEncoder encoder;
    private final MalformedLines malformed;
    private final LineBuffer buffer = new LineBuffer(FLUSH_BYTES + 4096);

    HourWriter(
            TrafficModel model,
            GenerateOptions options,
            ObjectStore store,
            ProgressReporter progress,
            BooleanSupplier cancelled,
            ShopCatalog shop) {
        this.shop = shop;
        this.model = requireNonNull(model, "model is null");
        this.options = requireNonNull(options, "options is null");
        this.store = store;
        this.progress = requireNonNull(progress, "progress is null");
        this.cancelled = requireNonNull(cancelled, "cancelled is null");
        this.traffic = new WindowTraffic(model);
        this.encoder = options.format().text() ? options.format().newEncoder() : null;
        this.malformed = encoder == null ? null : new MalformedLines(encoder);
    }

    HourResult write(HourPlan plan, WriteMode mode) {
        Map<LocalDate, EventDateCounter> eventDates = new HashMap<>();
        Map<LocalDate, ShopDayCounter> shopDates = new HashMap<>();
        ArrivalDateCounter arrival = new ArrivalDateCounter();
        List<String> keys = new ArrayList<>();
        long storedBytes = 0;
        long rawBytes = 0;
        long[] onTimeParts = split(plan.onTimeEvents(), plan.objects());
        long[] lateParts = split(plan.lateEvents(), plan.objects());
        long newcomer = plan.firstNewcomer();
        long hourStart =
                plan.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + plan.hour() * HOUR_MILLIS;
        for (int part = 0; part < plan.objects(); part++) {
            if (cancelled.getAsBoolean()) {
                throw new RunCancelledException();
            }
            long from = hourStart + part * HOUR_MILLIS / plan.objects();
            long to = hourStart + (part + 1) * HOUR_MILLIS / plan.objects();
            long epochDay = plan.date().toEpochDay();
            List<AccessEvent> onTime = traffic.generate(
                    plan.date(),
                    plan.hour(),
                    from,
                    to,
                    (int) onTimeParts[part],
                    newcomer,
                    Seeds.derive(options.seed(), epochDay, plan.hour(), part, 1));
            newcomer += onTimeParts[part];
            SplittableRandom random =
                    new SplittableRandom(Seeds.derive(options.seed(), epochDay, plan.hour(), part, 2));
            int daysLate = plan.dayIndex() >= 2 && random.nextDouble() < 0.2 ? 2 : 1;
            LocalDate source = plan.date().minusDays(daysLate);
            List<AccessEvent> late = lateParts[part] == 0
                    ? List.of()
                    : traffic.generate(
                            source,
                            plan.hour(),
                            from - daysLate * DAY_MILLIS,
                            to - daysLate * DAY_MILLIS,
                            (int) lateParts[part],
                            newcomer,
                            Seeds.derive(options.seed(), epochDay, plan.hour(), part, 3));
            newcomer += lateParts[part];
            count(onTime, plan.date(), false, eventDates, arrival);
            count(late, source, true, eventDates, arrival);
            countShop(onTime, plan.date(), shopDates);
            countShop(late, source, shopDates);
            MalformedKind[] kinds = malformedKinds(plan, part, onTime.size() + late.size(), random);
            arrival.addMalformed(kinds.length);
            arrival.addObjects(1);
            if (mode != WriteMode.COUNT) {
                String key = RawLayout.hourPrefix(
                                options.keyPrefix(),
                                options.format().folder(),
                                options.site(),
                                plan.date(),
                                plan.hour())
                        + GeneratedKeys.generatedObject(
                                plan.date(), plan.hour(), part, options.format(), options.compression());
                long[] sizes = encode(key, onTime, late, kinds, random, mode);
                rawBytes += sizes[0];
                storedBytes += sizes[1];
                keys.add(key);
            }
            progress.addDone(onTime.size() + late.size());
        }
        return new HourResult(plan, eventDates, arrival, keys, storedBytes, rawBytes, shopDates);
    }

    private void countShop(List<AccessEvent> events, LocalDate eventDate, Map<LocalDate, ShopDayCounter> shopDates) {
        if (shop == null || events.isEmpty()) {
            return;
        }
        ShopDayCounter counter = shopDates.computeIfAbsent(eventDate, date -> new ShopDayCounter(shop));
        for (AccessEvent event : events) {
            counter.add(event, model.customerId(event.visitor().key()));
        }
    }

    private void count(
            List<AccessEvent> events,
            LocalDate eventDate,
            boolean late,
            Map<LocalDate, EventDateCounter> eventDates,
            ArrivalDateCounter arrival) {
        if (events.isEmpty()) {
            return;
        }
        EventDateCounter counter = eventDates.computeIfAbsent(
                eventDate,
                date -> new EventDateCounter(
                        model.site().paths(), options.format().keepsUserAgent()));
        for (AccessEvent event : events) {
            counter.add(event, late);
            arrival.addValid(late);
        }
    }

    private MalformedKind[] malformedKinds(HourPlan plan, int part, int validLines, SplittableRandom random) {
        if (!options.format().text() || options.malformedShare() == 0) {
            return new MalformedKind[0];
        }
        int count = (int) Math.round(validLines * options.malformedShare());
        MalformedKind[] kinds = new MalformedKind[count];
        for (int i = 0; i < count; i++) {
            double draw = random.nextDouble();
            kinds[i] = draw < 0.4
                    ? MalformedKind.TRUNCATED
                    : draw < 0.7 ? MalformedKind.BAD_TIMESTAMP : MalformedKind.GARBAGE;
        }
        if (count > 0 && plan.hour() == OVERSIZED_HOUR && part == 0) {
            kinds[0] = MalformedKind.OVERSIZED;
        }
        return kinds;
    }

    /** Returns {raw bytes, stored bytes}. */
    private long[] encode(
            String key,
            List<AccessEvent> onTime,
            List<AccessEvent> late,
            MalformedKind[] kinds,
            SplittableRandom random,
            WriteMode mode) {
        if (!options.format().text()) {
            List<AccessEvent> all = new ArrayList<>(onTime.size() + late.size());
            all.addAll(onTime);
            all.addAll(late);
            byte[] parquet = new ParquetEncoder(options.compression()).encode(all);
            if (mode == WriteMode.UPLOAD) {
                store.put(key, parquet);
                progress.addBytes(parquet.length);
            }
            return new long[] {parquet.length, parquet.length};
        }
        ObjectUpload upload = mode == WriteMode.UPLOAD ? store.upload(key) : null;
        try {
            OutputStream out = upload == null
                    ? OutputStream.nullOutputStream()
                    : options.compression().wrap(upload, options.compressionLevel());
            long raw = writeLines(out, onTime, late, kinds, random);
            out.close();
            if (upload != null) {
                progress.addBytes(upload.size());
            }
            return new long[] {raw, upload == null ? raw : upload.size()};
        } catch (IOException | RuntimeException e) {
            if (upload != null) {
                upload.abort();
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw LoglakeException.external("Cannot write " + key + ": " + e.getMessage(), e);
        }
    }

    private long writeLines(
            OutputStream out,
            List<AccessEvent> onTime,
            List<AccessEvent> late,
            MalformedKind[] kinds,
            SplittableRandom random)
            throws IOException {
        int[] positions = new int[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            positions[i] = onTime.isEmpty() ? 0 : random.nextInt(onTime.size() + 1);
        }
        Arrays.sort(positions);
        long raw = 0;
        int next = 0;
        buffer.clear();
        buffer.append(encoder.header());
        for (int i = 0; i <= onTime.size(); i++) {
            while (next < positions.length && positions[next] == i) {
                AccessEvent template = onTime.isEmpty() ? late.get(0) : onTime.get(Math.min(i, onTime.size() - 1));
                malformed.append(kinds[next++], template, random, buffer);
            }
            if (i < onTime.size()) {
                encoder.encode(onTime.get(i), buffer);
            }
            if (buffer.size() >= FLUSH_BYTES) {
                raw += flush(out);
            }
        }
        for (AccessEvent event : late) {
            encoder.encode(event, buffer);
            if (buffer.size() >= FLUSH_BYTES) {
                raw += flush(out);
            }
        }
        return raw + flush(out);
    }

    private long flush(OutputStream out) throws IOException {
        if (cancelled.getAsBoolean()) {
            throw new RunCancelledException();
        }
        int size = buffer.size();
        out.write(buffer.array(), 0, size);
        buffer.clear();
        return size;
    }

    /** Splits a count into nearly equal parts, the first parts taking the remainder. */
    static long[] split(long total, int parts) {
        long[] split = new long[parts];
        for (int i = 0; i < parts; i++) {
            split[i] = total / parts + (i < total % parts ? 1 : 0);
        }
        return split;
    }
}
