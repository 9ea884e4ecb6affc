package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Lateness, and inputs that must stop a run before it writes anything. */
@ExtendWith(LocalStackExtension.class)
class TestTransformInputs {
    private static final LocalDate ARRIVAL = LocalDate.of(2033, 5, 10);

    @Test
    void lateEventsWithinTheWindowLandInTheirDayAndLaterOnesAreQuarantined(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "late");
        upload(
                stack,
                lake,
                ARRIVAL,
                List.of(
                        line("10/May/2033:08:00:00 +0000", "/on-time"),
                        line("09/May/2033:23:59:59 +0000", "/one-day-late"),
                        line("08/May/2033:01:00:00 -0200", "/two-days-late"),
                        line("08/May/2033:01:00:00 +0200", "/three-days-late-in-utc"),
                        line("05/May/2033:12:00:00 +0000", "/five-days-late"),
                        line("11/May/2033:00:00:01 +0000", "/from-the-future"),
                        "not a log line at all"));

        lake.transform(TransformRequest.days(new DayRange(ARRIVAL, ARRIVAL)));

        assertThat(lake.rows("SELECT path, CAST(dt AS varchar) FROM " + lake.table("marts", "fact_requests")
                        + " ORDER BY dt"))
                .containsExactly(
                        List.of("/two-days-late", "2033-05-08"),
                        List.of("/one-day-late", "2033-05-09"),
                        List.of("/on-time", "2033-05-10"));
        assertThat(lake.rows("SELECT reason FROM " + lake.table("staging", "quarantine") + " ORDER BY reason"))
                .containsExactly(
                        List.of("event arrived later than the lateness window"),
                        List.of("event arrived later than the lateness window"),
                        List.of("event date after the arrival date"),
                        List.of("not a combined log line"));
    }

    /**
     * The log's timestamps have one-second precision, so a visitor's requests often share a second. Sessions and
     * their entry and exit pages must not depend on how Trino orders such peers: each visitor here has five
     * requests of one second (three identical), one ten minutes later and one after a 50-minute gap, written in
     * shuffled order. With the peers numbered by ROWS, some of these visitors got a session of one request.
     */
    @Test
    void requestsOfTheSameSecondShareASessionWhateverTheirOrder(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "peers");
        List<String> lines = new java.util.ArrayList<>();
        int visitors = 300;
        for (int visitor = 0; visitor < visitors; visitor++) {
            String ip = "198.51." + (visitor / 250) + "." + (visitor % 250 + 1);
            for (String path : List.of("/b", "/a", "/a", "/a", "/c")) {
                lines.add(line(ip, "10/May/2033:08:00:00 +0000", path));
            }
            lines.add(line(ip, "10/May/2033:08:10:00 +0000", "/e"));
            lines.add(line(ip, "10/May/2033:09:00:00 +0000", "/f"));
        }
        java.util.Collections.shuffle(lines, new java.util.Random(7));
        upload(stack, lake, ARRIVAL, lines);

        lake.transform(TransformRequest.days(new DayRange(ARRIVAL, ARRIVAL)));

        assertThat(lake.rows("SELECT requests, entry_page, exit_page, count(*) FROM " + lake.table("marts", "sessions")
                        + " GROUP BY 1, 2, 3 ORDER BY 1"))
                .containsExactly(List.of(1L, "/f", "/f", (long) visitors), List.of(6L, "/a", "/e", (long) visitors));
    }

    @Test
    void aMissingRawDayStopsTheRunBeforeAnyWrite(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "missing");
        upload(stack, lake, ARRIVAL, List.of(line("10/May/2033:08:00:00 +0000", "/x")));

        assertThatThrownBy(() -> lake.transform(TransformRequest.days(new DayRange(ARRIVAL, ARRIVAL.plusDays(1)))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("No raw logs for 2033-05-11")
                .hasMessageContaining("Nothing was written")
                .hasMessageContaining("2033-05-10");
        assertThat(lake.rows("SHOW SCHEMAS FROM hive LIKE '" + lake.lake().schema("") + "%'"))
                .isEmpty();
    }

    @Test
    void anInvertedRangeIsRejected() {
        assertThatThrownBy(() -> new DayRange(ARRIVAL, ARRIVAL.minusDays(1)))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("the end is before the start");
    }

    @Test
    void aSchemaPrefixWithSqlInItIsRejected(TestStack stack) {
        assertThatThrownBy(() -> LakeConfig.from(
                        stack.settings().with(Map.of(LakeConfig.SCHEMA_PREFIX, "x; DROP SCHEMA hive.raw --"), "test")))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("lake.schema-prefix");
    }

    private static String line(String timestamp, String path) {
        return line("203.0.113.7", timestamp, path);
    }

    private static String line(String ip, String timestamp, String path) {
        return ip + " - - [" + timestamp + "] \"GET " + path + " HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\" 1200";
    }

    private static void upload(TestStack stack, TransformFixture lake, LocalDate day, List<String> lines)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try (S3Client s3 = stack.newS3Client()) {
            s3.putObject(
                    request -> request.bucket(lake.lake().rawBucket())
                            .key("access/combined/dt=" + day + "/hour=08/handwritten.log.gz"),
                    RequestBody.fromBytes(bytes.toByteArray()));
        }
    }
}
