package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.manifest.Manifest;
import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A day is open until a rule closes it (README, "When is a day complete"): an open day loads as partial, the
 * views show it as partial, and every later run loads it again until it closes. A day whose own raw day was never
 * loaded is never complete.
 */
@ExtendWith(LocalStackExtension.class)
class TestOpenDays {
    private static final LocalDate START = LocalDate.of(2038, 4, 1);
    private static final String HELD = "held-back/";

    @Test
    void aDayStillArrivingStaysOpenAndIsLoadedAgainOnceItsLastHoursArrive(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "arriving");
        Manifest manifest = lake.generate(START, 2, 4_000, 0.01, 0.002);
        LocalDate today = START.plusDays(1);
        // Hours 12-23 of the second day have not landed yet: neither their objects nor their markers.
        try (S3Client s3 = stack.newS3Client()) {
            for (int hour = 12; hour < 24; hour++) {
                String suffix = "dt=" + today + "/hour=" + String.format("%02d", hour) + "/";
                move(s3, lake, "access/combined/" + suffix, HELD);
                move(s3, lake, "markers/access/combined/" + suffix, HELD);
            }
        }

        lake.transform(TransformRequest.pending());

        assertThat(rawPartitions(lake))
                .as("the closed day is its day folder; the open day is the hour folders there were")
                .containsExactly(Map.entry(START, List.of("all")), Map.entry(today, hours(0, 12)));
        assertThat(statuses(lake, "arrival"))
                .containsExactly(Map.entry(START, "complete"), Map.entry(today, "partial"));
        assertThat(viewStatuses(lake)).containsExactly(Map.entry(START, "complete"), Map.entry(today, "partial"));
        assertThat(lake.rows("SELECT is_complete, requests FROM " + lake.table("reports", "daily_kpis")
                        + " WHERE dt = DATE '" + today + "'"))
                .as("the open day in daily_kpis: named, without figures")
                .containsExactly(java.util.Arrays.asList(false, null));

        try (S3Client s3 = stack.newS3Client()) {
            move(s3, lake, HELD, "");
        }
        TransformSummary later = lake.transform(TransformRequest.pending());

        assertThat(later.arrivalDays()).as("raw days loaded by the later run").containsExactly(today);
        // Now closed, the day registered by hours keeps them: its day folder as well would read every line twice.
        assertThat(rawPartitions(lake))
                .as("raw partitions after the day closed")
                .containsExactly(Map.entry(START, List.of("all")), Map.entry(today, hours(0, 24)));
        assertThat(statuses(lake, "arrival"))
                .containsExactly(Map.entry(START, "complete"), Map.entry(today, "complete"));
        assertThat(viewStatuses(lake)).containsExactly(Map.entry(START, "complete"), Map.entry(today, "complete"));
        // The later run rewrote the day, so it guarded the reports views while it ran: they serve the day again.
        long requests = lake.single(
                "SELECT count(*) FROM " + lake.table("marts", "fact_requests") + " WHERE dt = DATE '" + today + "'");
        assertThat(lake.rows("SELECT is_complete, requests FROM " + lake.table("reports", "daily_kpis")
                        + " WHERE dt = DATE '" + today + "'"))
                .as("the rewritten day in daily_kpis once the run that guarded the views ended")
                .containsExactly(List.of(true, requests));
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    @Test
    void eventDaysWhoseOwnRawDayWasNeverLoadedAreNotComplete(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "gap");
        Manifest manifest = lake.generate(START, 3, 4_000, 0.02, 0);
        LocalDate last = START.plusDays(2);

        TransformSummary first = lake.transform(TransformRequest.days(new DayRange(last, last)));

        assertThat(first.eventDays()).as("event days of the late lines").contains(last.minusDays(1));
        Map<LocalDate, String> expected = new TreeMap<>();
        first.eventDays().forEach(day -> expected.put(day, day.equals(last) ? "complete" : "partial"));
        assertThat(viewStatuses(lake)).isEqualTo(expected);

        lake.transform(TransformRequest.pending());

        assertThat(viewStatuses(lake))
                .containsExactly(
                        Map.entry(START, "complete"),
                        Map.entry(START.plusDays(1), "complete"),
                        Map.entry(last, "complete"));
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    /**
     * Logs without completion markers (ingested, or written by hand) close when raw data of a day beyond the
     * lateness window (2 days) arrives, or by hand.
     */
    @Test
    void aDayWithoutMarkersClosesWhenLaterDaysArriveOrByHand(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "unmarked");
        LocalDate day = LocalDate.of(2038, 6, 10);
        LocalDate beyondWindow = day.plusDays(3);
        upload(stack, lake, day, "10/Jun/2038:08:00:00 +0000");

        lake.transform(TransformRequest.pending());
        assertThat(viewStatuses(lake)).containsExactly(Map.entry(day, "partial"));

        upload(stack, lake, beyondWindow, "13/Jun/2038:08:00:00 +0000");
        TransformSummary later = lake.transform(TransformRequest.pending());

        assertThat(later.arrivalDays()).containsExactly(day, beyondWindow);
        assertThat(viewStatuses(lake)).containsExactly(Map.entry(day, "complete"), Map.entry(beyondWindow, "partial"));

        lake.transform(TransformRequest.close(new DayRange(beyondWindow, beyondWindow)));

        assertThat(viewStatuses(lake)).containsExactly(Map.entry(day, "complete"), Map.entry(beyondWindow, "complete"));
        try (S3Client s3 = stack.newS3Client()) {
            assertThat(s3.headObject(request -> request.bucket(lake.lake().rawBucket())
                                    .key("markers/access/combined/dt=" + beyondWindow + "/closed"))
                            .contentLength())
                    .as("the close marker")
                    .isNotNegative();
        }
        assertThat(lake.transform(TransformRequest.pending()).nothingToDo()).isTrue();
    }

    private static Map<LocalDate, String> statuses(TransformFixture lake, String kind) throws SQLException {
        Map<LocalDate, String> statuses = new TreeMap<>();
        lake.rows("SELECT dt, status FROM " + lake.table("ledger", "latest_day_status") + " WHERE kind = '" + kind
                        + "'")
                .forEach(row -> statuses.put(((java.sql.Date) row.get(0)).toLocalDate(), (String) row.get(1)));
        return statuses;
    }

    /** The hour value of each registered raw partition, per arrival day. */
    private static Map<LocalDate, List<String>> rawPartitions(TransformFixture lake) throws SQLException {
        Map<LocalDate, List<String>> partitions = new TreeMap<>();
        lake.rows("SELECT dt, hour FROM " + lake.table("raw", "\"log_lines$partitions\"") + " ORDER BY dt, hour")
                .forEach(row -> partitions
                        .computeIfAbsent(LocalDate.parse((String) row.get(0)), day -> new ArrayList<>())
                        .add((String) row.get(1)));
        return partitions;
    }

    /** Hour values {@code from} (inclusive) to {@code to} (exclusive), two digits each. */
    private static List<String> hours(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(hour -> String.format("%02d", hour))
                .toList();
    }

    /** The event days' statuses as BI tools see them (reports.day_status). */
    private static Map<LocalDate, String> viewStatuses(TransformFixture lake) throws SQLException {
        Map<LocalDate, String> statuses = new TreeMap<>();
        lake.rows("SELECT dt, status FROM " + lake.table("reports", "day_status"))
                .forEach(row -> statuses.put(((java.sql.Date) row.get(0)).toLocalDate(), (String) row.get(1)));
        return statuses;
    }

    /** Moves every object under {@code from} to the same key with {@code from} replaced by {@code to}. */
    private static void move(S3Client s3, TransformFixture lake, String from, String to) {
        String bucket = lake.lake().rawBucket();
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(from))
                .contents()) {
            if (object.key().endsWith("/")) {
                continue; // s3proxy's directory entries
            }
            String target = to.isEmpty() ? object.key().substring(from.length()) : to + object.key();
            s3.copyObject(request -> request.sourceBucket(bucket)
                    .sourceKey(object.key())
                    .destinationBucket(bucket)
                    .destinationKey(target));
            s3.deleteObject(request -> request.bucket(bucket).key(object.key()));
        }
    }

    private static void upload(TestStack stack, TransformFixture lake, LocalDate day, String timestamp)
            throws IOException {
        String line = "203.0.113.7 - - [" + timestamp + "] \"GET /x HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\" 1200\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(line.getBytes(StandardCharsets.UTF_8));
        }
        try (S3Client s3 = stack.newS3Client()) {
            s3.putObject(
                    request -> request.bucket(lake.lake().rawBucket())
                            .key("access/combined/dt=" + day + "/hour=08/handwritten.log.gz"),
                    RequestBody.fromBytes(bytes.toByteArray()));
        }
    }
}
