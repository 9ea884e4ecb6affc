package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A corpus of hostile log lines goes through the transforms: every line is either parsed to exactly the values
 * it holds or quarantined with its reason, the line count is conserved, and nothing in a line is ever executed
 * (the SQL fragments in paths and user agents end up as plain values; the tables they name are intact).
 */
@ExtendWith(LocalStackExtension.class)
class TestHostileLines {
    private static final LocalDate DAY = LocalDate.of(2037, 3, 10);
    private static final String TIME = "[10/Mar/2037:08:15:00 +0000]";
    private static final char UNIT_SEPARATOR = 0x1f;

    /** Lines that must parse, by marker (their path): the expected client IP, path, query, user agent, referrer. */
    private final Map<String, List<String>> parsedLines = new LinkedHashMap<>();

    /** Lines that must be quarantined, by marker (a text inside the raw line): the expected reason. */
    private final Map<String, String> quarantinedLines = new LinkedHashMap<>();

    private final List<byte[]> corpus = new ArrayList<>();

    @Test
    void everyHostileLineIsParsedToItsValuesOrQuarantinedAndNothingRuns(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "hostile");
        buildCorpus(lake);
        upload(stack, lake);

        lake.transform(TransformRequest.days(new DayRange(DAY, DAY)));

        assertThat(lake.single("SELECT count(*) FROM " + lake.table("raw", "log_lines")))
                .as("lines in the raw table")
                .isEqualTo(corpus.size());
        assertThat(lake.single("SELECT count(*) FROM " + lake.table("staging", "parsed_lines")))
                .as("staged rows: one per raw line")
                .isEqualTo(corpus.size());
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (List<Object> row : lake.rows("SELECT path, client_ip, path, coalesce(query_string, '<none>'),"
                + " coalesce(user_agent, '<none>'), coalesce(referrer, '<none>') FROM "
                + lake.table("marts", "fact_requests"))) {
            parsed.put(
                    (String) row.get(0),
                    row.subList(1, row.size()).stream().map(String.class::cast).toList());
        }
        assertThat(parsed).as("the parsed lines and their values").isEqualTo(parsedLines);
        Map<String, String> quarantined = new LinkedHashMap<>();
        List<List<Object>> quarantine =
                lake.rows("SELECT raw_line, reason FROM " + lake.table("staging", "quarantine"));
        for (String marker : quarantinedLines.keySet()) {
            quarantine.stream()
                    .filter(row -> ((String) row.get(0)).contains(marker))
                    .forEach(row -> quarantined.put(marker, (String) row.get(1)));
        }
        assertThat(quarantined).as("the quarantined lines and their reasons").isEqualTo(quarantinedLines);
        assertThat(quarantine).as("quarantined rows").hasSize(quarantinedLines.size());
        assertThat(parsedLines.size() + quarantinedLines.size())
                .as("the corpus")
                .isEqualTo(corpus.size());
        assertThat(lake.single("SELECT count(*) FROM hive.information_schema.tables WHERE table_schema = '"
                        + lake.lake().schema("marts") + "' AND table_name IN ('fact_requests', 'daily_traffic')"))
                .as("the tables the SQL fragments name still exist")
                .isEqualTo(2);
        assertThat(lake.single("SELECT requests FROM " + lake.table("marts", "daily_traffic")))
                .isEqualTo(parsedLines.size());
    }

    private void buildCorpus(TransformFixture lake) {
        String facts = lake.table("marts", "fact_requests");
        parsed("/h/plain", "203.0.113.7", "<none>", "Mozilla/5.0", "<none>");
        parsed("/h/ipv6", "2001:db8::7", "<none>", "Mozilla/5.0", "<none>");
        // A link-local address with its zone id is a valid IPv6 address; it is kept as logged.
        parsed("/h/zone-id", "fe80::1%eth0", "<none>", "Mozilla/5.0", "<none>");
        parsed(
                "/h/quotes",
                "203.0.113.8",
                "<none>",
                "Mozilla \\\"quoted\\\" and \\\\ backslash",
                "https://example.com/\\\"ref\\\"");
        // A request target has no spaces (a client sends %20), so the fragment uses comments instead.
        parsed("/h/sql-in-query", "203.0.113.9", "q=';DROP/**/TABLE/**/" + facts + ";--", "Mozilla/5.0", "<none>");
        parsed("/h/sql-in-agent", "203.0.113.10", "<none>", "x'); DROP TABLE " + facts + "; --", "<none>");
        parsed("/h/nul\u0000byte", "203.0.113.11", "<none>", "Mozilla/5.0", "<none>");
        parsed("/h/tab-in-agent", "203.0.113.12", "<none>", "Mozilla\t5.0", "<none>");
        parsed("/h/unicode-ü-€", "203.0.113.13", "<none>", "Mozilla/5.0 (日本語)", "<none>");
        // A CRLF line put into the raw bucket by other means than ingest: one trailing CR is removed, as ingest does.
        crlf("/h/crlf", "203.0.113.14");

        quarantined(
                "/h/long", "line longer than 65536 characters", "203.0.113.20", TIME, "/h/long" + "a".repeat(70_000));
        quarantined(
                "/h/not-an-ip",
                "client address is not an IPv4 or IPv6 address",
                "';SELECT(1);--",
                TIME,
                "/h/not-an-ip");
        quarantined(
                "/h/day-32",
                "timestamp is not dd/MMM/yyyy:HH:mm:ss +ZZZZ",
                "203.0.113.21",
                "[32/Mar/2037:08:15:00 +0000]",
                "/h/day-32");
        quarantined(
                "/h/hour-25",
                "timestamp is not dd/MMM/yyyy:HH:mm:ss +ZZZZ",
                "203.0.113.22",
                "[10/Mar/2037:25:61:61 +0000]",
                "/h/hour-25");
        quarantined(
                "/h/offset-9999",
                "timestamp is not dd/MMM/yyyy:HH:mm:ss +ZZZZ",
                "203.0.113.23",
                "[10/Mar/2037:08:15:00 +9999]",
                "/h/offset-9999");
        quarantined(
                "/h/year-1",
                "event arrived later than the lateness window",
                "203.0.113.24",
                "[10/Mar/0001:08:15:00 +0000]",
                "/h/year-1");
        quarantined(
                "/h/year-9999",
                "event date after the arrival date",
                "203.0.113.25",
                "[10/Mar/9999:08:15:00 +0000]",
                "/h/year-9999");
        // 0x1f is the byte the parse joins fields with: a line holding it must not be split into wrong fields.
        quarantined(
                "/h/unit-separator",
                "not a combined log line",
                "203.0.113.26",
                TIME,
                "/h/unit-separator" + UNIT_SEPARATOR + "x");
        line("203.0.113.27", TIME, "GET", "/h/agent-unit-separator", "-", "evil" + UNIT_SEPARATOR + "agent");
        quarantinedLines.put("/h/agent-unit-separator", "not a combined log line");
        raw("GET /h/not-a-log-line HTTP/1.1 '; DROP TABLE " + facts + "; --");
        quarantinedLines.put("/h/not-a-log-line", "not a combined log line");
        rawBytes(concat(
                "203.0.113.28 - - " + TIME + " \"GET /h/invalid-utf8 HTTP/1.1\" 200 512 \"-\" \"",
                new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff},
                "\" 1200"));
        quarantinedLines.put("/h/invalid-utf8", "line is not valid UTF-8");
    }

    private void parsed(String path, String ip, String query, String agent, String referrer) {
        String target = query.equals("<none>") ? path : path + "?" + query;
        line(ip, TIME, "GET", target, referrer.equals("<none>") ? "-" : referrer, agent);
        parsedLines.put(path, List.of(ip, path, query, agent, referrer));
    }

    private void crlf(String path, String ip) {
        raw(ip + " - - " + TIME + " \"GET " + path + " HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\" 1200\r");
        parsedLines.put(path, List.of(ip, path, "<none>", "Mozilla/5.0", "<none>"));
    }

    private void quarantined(String marker, String reason, String ip, String time, String path) {
        line(ip, time, "GET", path, "-", "Mozilla/5.0");
        quarantinedLines.put(marker, reason);
    }

    private void line(String ip, String time, String method, String target, String referrer, String agent) {
        raw(ip + " - - " + time + " \"" + method + " " + target + " HTTP/1.1\" 200 512 \"" + referrer + "\" \"" + agent
                + "\" 1200");
    }

    private void raw(String line) {
        rawBytes(line.getBytes(StandardCharsets.UTF_8));
    }

    private void rawBytes(byte[] line) {
        corpus.add(line);
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(middle);
        bytes.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private void upload(TestStack stack, TransformFixture lake) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (byte[] line : corpus) {
                gzip.write(line);
                gzip.write('\n');
            }
        }
        try (S3Client s3 = stack.newS3Client()) {
            s3.putObject(
                    request -> request.bucket(lake.lake().rawBucket())
                            .key("access/combined/dt=" + DAY + "/hour=08/hostile.log.gz"),
                    RequestBody.fromBytes(bytes.toByteArray()));
        }
    }
}
