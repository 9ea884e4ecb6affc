package dev.loglake.transforms.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.DayRange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class TestUnreadableRawObjects {
    private static final DayRange DAYS = new DayRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));
    private static final String KEY = "access/combined/dt=2026-11-02/hour=05/generated-2026-11-02-05-0000.log.gz";

    @Test
    void findsTheRawObjectInTrinosMessagesForTruncatedAndNonGzipObjects() {
        assertThat(UnreadableRawObjects.rawObjectNamedIn(
                        failure("Failed to read file at s3://raw/" + KEY), "raw", DAYS))
                .contains(KEY);
        assertThat(UnreadableRawObjects.rawObjectNamedIn(
                        failure("Error opening Hive split s3://raw/" + KEY + " (offset=0, length=11): Not in GZIP"
                                + " format"),
                        "raw",
                        DAYS))
                .contains(KEY);
    }

    @Test
    void findsTheRawObjectsOfEveryFormatAndSite() {
        for (String key : List.of(
                "access/common/dt=2026-11-02/hour=05/ingest-0123456789ab.log.gz",
                "access/vhost_combined/site=shop.example.com/dt=2026-11-01/hour=23/ingest-0123456789ab.log.gz")) {
            assertThat(UnreadableRawObjects.rawObjectNamedIn(
                            failure("Failed to read file at s3://raw/" + key), "raw", DAYS))
                    .as(key)
                    .contains(key);
        }
    }

    @Test
    void ignoresObjectsOfOtherBucketsOtherDaysAndOtherFolders() {
        assertThat(UnreadableRawObjects.rawObjectNamedIn(
                        failure("Failed to read file at s3://other/" + KEY), "raw", DAYS))
                .isEmpty();
        assertThat(UnreadableRawObjects.rawObjectNamedIn(
                        failure("Failed to read file at s3://raw/" + KEY.replace("11-02", "11-03")), "raw", DAYS))
                .isEmpty();
        assertThat(UnreadableRawObjects.rawObjectNamedIn(
                        failure("Failed to read file at s3://warehouse/marts/fact_requests/x.parquet"), "raw", DAYS))
                .isEmpty();
        assertThat(UnreadableRawObjects.rawObjectNamedIn(failure("Query exceeded memory"), "raw", DAYS))
                .isEmpty();
    }

    @Test
    void gzipCheckTellsTruncatedFromNotGzipFromWhole() throws IOException {
        byte[] whole = gzip("line one\nline two\n".repeat(1000));

        assertThat(GzipCheck.whyUnreadable(new ByteArrayInputStream(whole))).isEmpty();
        assertThat(GzipCheck.whyUnreadable(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length / 2))))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("truncated gzip stream"));
        assertThat(GzipCheck.whyUnreadable(new ByteArrayInputStream("plain text\n".getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("not gzip"));
    }

    @Test
    void aReadThatFailsWithAnIoErrorIsRetriedAndThenJudged() {
        AtomicInteger opened = new AtomicInteger();
        UnreadableRawObjects.ObjectOpener resetTwice = () -> opened.incrementAndGet() <= 2
                ? new TestGzipCheck.FailingStream(
                        TestGzipCheck.WHOLE, TestGzipCheck.WHOLE.length / 2, new SocketException("Connection reset"))
                : new ByteArrayInputStream(TestGzipCheck.WHOLE);

        assertThat(UnreadableRawObjects.whyUnreadable("s3://raw/" + KEY, resetTwice, 3, Duration.ZERO))
                .isEmpty();
        assertThat(opened).hasValue(3);
    }

    @Test
    void aReadThatKeepsFailingWithAnIoErrorFailsTheRunInsteadOfQuarantining() {
        AtomicInteger opened = new AtomicInteger();
        UnreadableRawObjects.ObjectOpener alwaysReset = () -> {
            opened.incrementAndGet();
            return new TestGzipCheck.FailingStream(TestGzipCheck.WHOLE, 100, new SocketException("Connection reset"));
        };
        UnreadableRawObjects.ObjectOpener serverDown = () -> {
            opened.incrementAndGet();
            throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
        };

        assertThatThrownBy(() -> UnreadableRawObjects.whyUnreadable("s3://raw/" + KEY, alwaysReset, 3, Duration.ZERO))
                .isInstanceOfSatisfying(
                        LoglakeException.class, e -> assertThat(e.kind()).isEqualTo(LoglakeException.Kind.EXTERNAL))
                .hasMessageContaining("s3://raw/" + KEY)
                .hasMessageContaining("failed 3 times with an I/O error")
                .hasMessageContaining("Connection reset")
                .hasMessageContaining("not damage to the object, so it was not quarantined");
        assertThat(opened).hasValue(3);

        opened.set(0);
        assertThatThrownBy(() -> UnreadableRawObjects.whyUnreadable("s3://raw/" + KEY, serverDown, 3, Duration.ZERO))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("s3://raw/" + KEY)
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("not damage");
        assertThat(opened).hasValue(3);
    }

    @Test
    void damageFoundAfterATransientErrorIsStillDamage() {
        AtomicInteger opened = new AtomicInteger();
        byte[] truncated = Arrays.copyOf(TestGzipCheck.WHOLE, TestGzipCheck.WHOLE.length / 2);
        UnreadableRawObjects.ObjectOpener resetThenTruncated = () -> opened.incrementAndGet() == 1
                ? new TestGzipCheck.FailingStream(truncated, 50, new SocketException("Connection reset"))
                : new ByteArrayInputStream(truncated);

        assertThat(UnreadableRawObjects.whyUnreadable("s3://raw/" + KEY, resetThenTruncated, 3, Duration.ZERO))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("truncated gzip stream"));
    }

    private static LoglakeException failure(String trinoMessage) {
        return LoglakeException.external(
                "staging/parsed_lines.sql failed for arrival_dt=2026-11-01..2026-11-02 (Trino query q): x",
                new java.sql.SQLException("Query failed (#q): " + trinoMessage));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
