package dev.loglake.generator.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import dev.loglake.generator.model.AccessEvent;
import dev.loglake.generator.model.TrafficModel;
import dev.loglake.generator.model.WindowTraffic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class TestFormats {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private static final List<AccessEvent> EVENTS = events();

    @Test
    void combinedLinesRoundTrip() {
        roundTrip(new CombinedEncoder(), CombinedLineParser::parse);
    }

    @Test
    void combinedLinesLookLikeApacheWritesThem() {
        LineBuffer buffer = new LineBuffer(512);
        AccessEvent notModified =
                EVENTS.stream().filter(e -> e.status() == 304).findFirst().orElseThrow();
        new CombinedEncoder().encode(notModified, buffer);
        String line = new String(buffer.toByteArray(), StandardCharsets.UTF_8);
        assertThat(line)
                .matches(
                        "\\S+ - - \\[\\d{2}/Nov/2026:\\d{2}:\\d{2}:\\d{2} \\+0000\\] \"GET \\S+ HTTP/[12].[01]\" 304 - \"[^\"]*\" \"[^\"]*\" \\d+\n");
    }

    @Test
    void parquetRoundTrips() {
        for (Compression compression : Compression.values()) {
            List<LogRecord> records = ParquetDecoder.decode(new ParquetEncoder(compression).encode(EVENTS));
            assertThat(records).hasSize(EVENTS.size());
            for (int i = 0; i < EVENTS.size(); i++) {
                assertRecordIsEvent(records.get(i), EVENTS.get(i));
            }
        }
    }

    @Test
    void malformedLinesAreNeverValid() {
        SplittableRandom random = new SplittableRandom(3);
        for (OutputFormat format : List.of(OutputFormat.COMBINED)) {
            MalformedLines malformed = new MalformedLines(format.newEncoder());
            Function<String, Optional<LogRecord>> parser = CombinedLineParser::parse;
            for (MalformedKind kind : MalformedKind.values()) {
                for (int i = 0; i < 300; i++) {
                    LineBuffer buffer = new LineBuffer(256);
                    malformed.append(kind, EVENTS.get(i), random, buffer);
                    String text = new String(buffer.toByteArray(), StandardCharsets.ISO_8859_1);
                    assertThat(text).endsWith("\n");
                    assertThat(text.indexOf('\n')).isEqualTo(text.length() - 1);
                    assertThat(parser.apply(text.substring(0, text.length() - 1)))
                            .as("%s %s", kind, text)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void compressionRoundTrips() throws Exception {
        byte[] raw = "line one\nline two\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        for (Compression compression : Compression.values()) {
            ByteArrayOutputStream stored = new ByteArrayOutputStream();
            try (OutputStream out = compression.wrap(stored, compression.defaultLevel())) {
                out.write(raw);
            }
            InputStream in =
                    switch (compression) {
                        case GZIP -> new GZIPInputStream(new ByteArrayInputStream(stored.toByteArray()));
                        case ZSTD -> new ZstdInputStream(new ByteArrayInputStream(stored.toByteArray()));
                        case NONE -> new ByteArrayInputStream(stored.toByteArray());
                    };
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
    }

    private static void roundTrip(LineEncoder encoder, Function<String, Optional<LogRecord>> parser) {
        LineBuffer buffer = new LineBuffer(512);
        for (AccessEvent event : EVENTS) {
            buffer.clear();
            encoder.encode(event, buffer);
            String line = new String(buffer.toByteArray(), StandardCharsets.UTF_8);
            assertRecordIsEvent(
                    parser.apply(line.substring(0, line.length() - 1)).orElseThrow(() -> new AssertionError(line)),
                    event);
        }
    }

    private static void assertRecordIsEvent(LogRecord record, AccessEvent event) {
        {
            assertThat(record.clientIp()).isEqualTo(event.visitor().ip().text());
            assertThat(record.epochSecond()).isEqualTo(event.epochSecond());
            assertThat(record.method()).isEqualTo(event.resource().method().name());
            assertThat(record.target()).isEqualTo(event.resource().target().text());
            assertThat(record.protocol()).isEqualTo(CombinedEncoder.protocol(event));
            assertThat(record.status()).isEqualTo(event.status());
            assertThat(record.bytes()).isEqualTo(event.bytes());
            assertThat(record.referer().orElse("-")).isEqualTo(event.referer().text());
            assertThat(record.userAgent()).isEqualTo(event.visitor().userAgent().text());
            assertThat(record.responseMicros()).isEqualTo(event.responseMicros());
        }
    }

    private static List<AccessEvent> events() {
        long from = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 10 * 3_600_000L;
        return new WindowTraffic(TrafficModel.build(5, 50_000, List.of()))
                .generate(DAY, 10, from, from + 3_600_000L, 3_000, 1_000_000, 1);
    }
}
