package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.ingest.IngestFormat;
import dev.loglake.generator.ingest.IngestOptions;
import dev.loglake.generator.ingest.Ingester;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.RawLayout;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Each declared format goes through ingest (--format) and the transforms: every line of a source is parsed by its
 * format's staging file to exactly the values it holds (one response-time unit, microseconds, whatever the
 * format logs), or quarantined with the reason that names the declared format; a line of another format is never
 * taken for one of the declared format's.
 */
@ExtendWith(LocalStackExtension.class)
class TestDeclaredFormats {
    private static final LocalDate DAY = LocalDate.of(2037, 3, 12);

    @TempDir
    Path directory;

    /** Parsed lines by path: client IP, UTC time, status, bytes, referrer, user agent, response micros. */
    private final Map<String, List<String>> parsed = new LinkedHashMap<>();

    /** Quarantined lines by a marker in the line: the reason. */
    private final Map<String, String> quarantined = new LinkedHashMap<>();

    @Test
    void everyFormatIsParsedByItsOwnRuleAndNothingIsGuessed(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "formats");
        ingest(stack, lake, IngestFormat.COMMON, "intranet", commonLines());
        ingest(stack, lake, IngestFormat.COMBINED, RawLayout.DEFAULT_SITE, combinedLines());
        ingest(stack, lake, IngestFormat.COMBINED_REQUEST_TIME, RawLayout.DEFAULT_SITE, requestTimeLines());
        ingest(stack, lake, IngestFormat.VHOST_COMBINED, RawLayout.DEFAULT_SITE, vhostLines());
        ingest(stack, lake, IngestFormat.ALB, RawLayout.DEFAULT_SITE, loadBalancerLines());
        ingest(stack, lake, IngestFormat.CLOUDFRONT, RawLayout.DEFAULT_SITE, cloudFrontLines());
        ingest(stack, lake, IngestFormat.NGINX_JSON, RawLayout.DEFAULT_SITE, nginxJsonLines());

        lake.transform(TransformRequest.days(new DayRange(DAY, DAY)));

        assertThat(lake.rows("SELECT DISTINCT log_format, site FROM " + lake.table("raw", "log_lines")))
                .as("each source's lines, in the raw partitions of its declared format and its site")
                .containsExactlyInAnyOrder(
                        List.of("common", "intranet"),
                        List.of("combined", "default"),
                        List.of("combined_request_time", "default"),
                        List.of("vhost_combined", "default"),
                        List.of("alb", "default"),
                        List.of("cloudfront", "default"),
                        List.of("nginx_json", "default"));

        Map<String, List<String>> found = new LinkedHashMap<>();
        for (List<Object> row :
                lake.rows("SELECT path, client_ip, CAST(event_time AS varchar), CAST(status AS varchar),"
                        + " CAST(response_bytes AS varchar), coalesce(referrer, '<none>'), coalesce(user_agent, '<none>'),"
                        + " coalesce(CAST(response_micros AS varchar), '<none>') FROM "
                        + lake.table("marts", "fact_requests"))) {
            found.put(
                    (String) row.get(0),
                    row.subList(1, row.size()).stream().map(String.class::cast).toList());
        }
        assertThat(found)
                .as("every valid line, parsed to its values by its format")
                .isEqualTo(parsed);
        List<List<Object>> quarantine =
                lake.rows("SELECT raw_line, reason FROM " + lake.table("staging", "quarantine"));
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String marker : quarantined.keySet()) {
            quarantine.stream()
                    .filter(row -> ((String) row.get(0)).contains(marker))
                    .forEach(row -> reasons.put(marker, (String) row.get(1)));
        }
        assertThat(reasons).as("the quarantined lines and their reasons").isEqualTo(quarantined);
        assertThat(quarantine).as("quarantined rows").hasSize(quarantined.size());
    }

    private List<String> commonLines() {
        List<String> lines = new ArrayList<>();
        lines.add(valid(
                "192.0.2.1 - frank [12/Mar/2037:10:00:00 +0000] \"GET /common/plain?x=1 HTTP/1.0\" 200 2326",
                "/common/plain",
                List.of("192.0.2.1", "2037-03-12 10:00:00.000", "200", "2326", "<none>", "<none>", "<none>")));
        // Another zone, IPv6, '-' bytes: all common.
        lines.add(valid(
                "2001:db8::7 - - [12/Mar/2037:05:30:00 -0500] \"HEAD /common/zone HTTP/1.1\" 304 -",
                "/common/zone",
                List.of("2001:db8::7", "2037-03-12 10:30:00.000", "304", "0", "<none>", "<none>", "<none>")));
        // A combined line in a source declared common is not taken for a common line with junk after it.
        lines.add(quarantined(
                "192.0.2.2 - - [12/Mar/2037:10:00:01 +0000] \"GET /common/is-combined HTTP/1.1\" 200 5 \"-\" \"x\"",
                "/common/is-combined",
                "not a common log line"));
        lines.add(quarantined(
                "192.0.2.3 - - [12/Mar/2037:10:00:02 +0000] \"GET /common/truncated HTTP/1.1\" 2",
                "/common/truncated",
                "not a common log line"));
        return lines;
    }

    private List<String> combinedLines() {
        List<String> lines = new ArrayList<>();
        lines.add(valid(
                "192.0.2.10 - - [12/Mar/2037:11:00:00 +0100] \"GET /combined/micros HTTP/1.1\" 200 10 \"https://ref.example/a\""
                        + " \"Mozilla/5.0 (\\\"quoted\\\")\" 1534",
                "/combined/micros",
                List.of(
                        "192.0.2.10",
                        "2037-03-12 10:00:00.000",
                        "200",
                        "10",
                        "https://ref.example/a",
                        "Mozilla/5.0 (\\\"quoted\\\")",
                        "1534")));
        lines.add(valid(
                "192.0.2.11 - - [12/Mar/2037:10:00:05 +0000] \"GET /combined/no-time HTTP/1.1\" 404 - \"-\" \"-\"",
                "/combined/no-time",
                List.of("192.0.2.11", "2037-03-12 10:00:05.000", "404", "0", "<none>", "-", "<none>")));
        // A common line declared combined: it lacks the referrer and user agent, as a line cut there would.
        lines.add(quarantined(
                "192.0.2.12 - - [12/Mar/2037:10:00:06 +0000] \"GET /combined/is-common HTTP/1.0\" 200 5",
                "/combined/is-common",
                "not a combined log line"));
        // nginx's $request_time in a source declared combined: seconds are not microseconds.
        lines.add(quarantined(
                "192.0.2.13 - - [12/Mar/2037:10:00:07 +0000] \"GET /combined/seconds HTTP/1.1\" 200 5 \"-\" \"x\" 0.250",
                "/combined/seconds",
                "not a combined log line"));
        return lines;
    }

    private List<String> requestTimeLines() {
        List<String> lines = new ArrayList<>();
        lines.add(valid(
                "::1 - - [12/Mar/2037:10:10:00 +0000] \"POST /nginx/timed HTTP/2.0\" 201 0 \"-\" \"curl/8.5.0\" 0.250",
                "/nginx/timed",
                List.of("::1", "2037-03-12 10:10:00.000", "201", "0", "<none>", "curl/8.5.0", "250000")));
        lines.add(valid(
                "198.51.100.4 - - [12/Mar/2037:10:10:01 +0000] \"GET /nginx/slow HTTP/1.1\" 504 167 \"-\" \"Go-http\" 60.001",
                "/nginx/slow",
                List.of("198.51.100.4", "2037-03-12 10:10:01.000", "504", "167", "<none>", "Go-http", "60001000")));
        lines.add(quarantined(
                "198.51.100.5 - - [12/Mar/2037:10:10:02 +0000] \"GET /nginx/untimed HTTP/1.1\" 200 1 \"-\" \"x\"",
                "/nginx/untimed",
                "not a combined_request_time log line"));
        return lines;
    }

    private List<String> vhostLines() {
        List<String> lines = new ArrayList<>();
        lines.add(valid(
                "shop.example.com:443 203.0.113.5 - - [12/Mar/2037:10:20:00 +0000] \"GET /vhost/page HTTP/1.1\" 200 99"
                        + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"",
                "/vhost/page",
                List.of(
                        "203.0.113.5",
                        "2037-03-12 10:20:00.000",
                        "200",
                        "99",
                        "<none>",
                        "Mozilla/5.0 (X11; Linux x86_64)",
                        "<none>")));
        lines.add(quarantined(
                "203.0.113.6 - - [12/Mar/2037:10:20:01 +0000] \"GET /vhost/no-host HTTP/1.1\" 200 1 \"-\" \"x\"",
                "/vhost/no-host",
                "not a vhost_combined log line"));
        // An IPv6 virtual host (Apache logs the address when a request names no host): the last ':' ends it.
        lines.add(valid(
                "[2001:db8::1]:80 2001:db8::2 - - [12/Mar/2037:10:20:02 +0000] \"GET /vhost/v6 HTTP/1.1\" 200 1 \"-\" \"x\"",
                "/vhost/v6",
                List.of("2001:db8::2", "2037-03-12 10:20:02.000", "200", "1", "<none>", "x", "<none>")));
        lines.add(quarantined(
                "blog.example.com:80 203.0.113.7 - - [12/Mar/2037:10:20:03 +0000] \"GET /vhost/truncated HTTP/1.1\" 200",
                "/vhost/truncated",
                "not a vhost_combined log line"));
        return lines;
    }

    /**
     * AWS Application Load Balancer lines as the documentation shows them: the request's time (not the response's)
     * cut to milliseconds, the URL cut to its path, the three processing times summed, -1 for none.
     */
    private List<String> loadBalancerLines() {
        String tls =
                " ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/t/1"
                        + " \"Root=1-58337262-36d228ad5d99923122bbe354\" \"shop.example.com\" \"arn:aws:acm:us-east-2:1:certificate/1\" 0";
        String later = " \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\" TID_1234abcd";
        List<String> lines = new ArrayList<>();
        lines.add(valid(
                "https 2037-03-12T10:30:00.400000Z app/shop-alb/50dc6c495c0c9188 192.0.2.40:46532 10.0.0.1:80 0.000 0.250"
                        + " 0.001 200 200 34 366 \"GET https://shop.example.com:443/alb/page?x=1 HTTP/1.1\" \"curl/8.5.0\""
                        + tls + " 2037-03-12T10:30:00.123456Z" + later,
                "/alb/page",
                List.of("192.0.2.40", "2037-03-12 10:30:00.123", "200", "366", "<none>", "curl/8.5.0", "251000")));
        // IPv6 client (no brackets: the port is after the last ':'); never reached a target: -1, no response time.
        lines.add(valid(
                "h2 2037-03-12T10:31:00.000000Z app/shop-alb/50dc6c495c0c9188 2001:db8::5:443 - -1 -1 -1 502 - 0 0"
                        + " \"GET https://shop.example.com:443/alb/v6 HTTP/2.0\" \"-\"" + tls
                        + " 2037-03-12T10:30:59.000000Z",
                "/alb/v6",
                List.of("2001:db8::5", "2037-03-12 10:30:59.000", "502", "0", "<none>", "<none>", "<none>")));
        // A URL without a path is the root; a request at 23:59:59.9996 stays on its day.
        lines.add(valid(
                "http 2037-03-12T23:59:59.999900Z app/shop-alb/50dc6c495c0c9188 192.0.2.41:1 10.0.0.1:80 0.001 0.002 0.003"
                        + " 301 301 10 20 \"GET http://shop.example.com:80 HTTP/1.1\" \"x\" - - - \"-\" \"-\" \"-\" 0"
                        + " 2037-03-12T23:59:59.999600Z",
                "/",
                List.of("192.0.2.41", "2037-03-12 23:59:59.999", "301", "20", "<none>", "x", "6000")));
        // A request the load balancer could not parse: no method, no path.
        lines.add(quarantined(
                "http 2037-03-12T10:32:00.000000Z app/shop-alb/50dc6c495c0c9188 192.0.2.42:1 - -1 -1 -1 400 - 0 0"
                        + " \"- http://alb-malformed.example:80- -\" \"-\" - - - \"-\" \"-\" \"-\" 0"
                        + " 2037-03-12T10:32:00.000000Z",
                "alb-malformed",
                "not a alb log line"));
        lines.add(quarantined(
                "https 2037-03-12T10:33:00.000000Z app/shop-alb/50dc6c495c0c9188 192.0.2.43:1 10.0.0.1:80 0.000 0.001"
                        + " 0.000 200 200 34 366 \"GET https://shop.example.com:443/alb/truncated HTTP/1.1\" \"x\"",
                "/alb/truncated",
                "not a alb log line"));
        return lines;
    }

    /**
     * CloudFront standard log lines (tab separated, UTC) after their header lines, which ingest does not store; a
     * second header in the middle, as files put together with cat have. The user agent is URL-decoded, a literal
     * '+' kept.
     */
    private List<String> cloudFrontLines() {
        String fields = IngestFormat.CLOUDFRONT_FIELDS + " fle-status fle-encrypted-fields c-port time-to-first-byte"
                + " x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";
        String tail =
                "\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256\tHit\tHTTP/2.0\t-\t-\t61052\t0.001\tHit\ttext/html\t2039\t-\t-";
        List<String> lines = new ArrayList<>();
        lines.add("#Version: 1.0");
        lines.add(fields);
        lines.add(valid(
                "2037-03-12\t10:40:00\tIAD89-C3\t335\t192.0.2.50\tGET\td111111abcdef8.cloudfront.net\t/cf/page\t200"
                        + "\thttps://ref.example/b\tSlackbot%201.0%20(+https://api.slack.com/robots)\tx=1&y=2\t-\tHit\tid1=="
                        + "\twww.example.com\thttps\t123\t0.338" + tail,
                "/cf/page",
                List.of(
                        "192.0.2.50",
                        "2037-03-12 10:40:00.000",
                        "200",
                        "335",
                        "https://ref.example/b",
                        "Slackbot 1.0 (+https://api.slack.com/robots)",
                        "338000")));
        lines.add("#Version: 1.0");
        lines.add(fields);
        // IPv6, no query; a malformed %-sequence leaves the user agent as logged.
        lines.add(valid(
                "2037-03-12\t10:41:00\tFRA2-C1\t1200\t2001:db8::50\tHEAD\td111111abcdef8.cloudfront.net\t/cf/v6\t304\t-"
                        + "\tbad%zzagent\t-\t-\tHit\tid2==\twww.example.com\thttps\t90\t0.002" + tail,
                "/cf/v6",
                List.of("2001:db8::50", "2037-03-12 10:41:00.000", "304", "1200", "<none>", "bad%zzagent", "2000")));
        // 000: the viewer left before CloudFront answered.
        lines.add(quarantined(
                "2037-03-12\t10:42:00\tIAD89-C3\t0\t192.0.2.51\tGET\td111111abcdef8.cloudfront.net\t/cf/gone\t000\t-"
                        + "\tx\t-\t-\tError\tid3==\twww.example.com\thttps\t90\t0.002" + tail,
                "/cf/gone",
                "status code outside 100-599"));
        lines.add(quarantined(
                "2037-03-12\t10:43:00\tIAD89-C3\t335\t192.0.2.52\tGET\td111111abcdef8.cloudfront.net\t/cf/truncated",
                "/cf/truncated",
                "not a cloudfront log line"));
        return lines;
    }

    /**
     * nginx JSON lines (escape=json): keys in any order, strings or numbers, escaped quotes and non-ASCII text in
     * values, time_iso8601 or time_local, request_time optional.
     */
    private List<String> nginxJsonLines() {
        List<String> lines = new ArrayList<>();
        lines.add(valid(
                "{\"time_iso8601\":\"2037-03-12T11:50:00+01:00\",\"remote_addr\":\"192.0.2.60\",\"remote_user\":\"\","
                        + "\"request\":\"GET /json/page?q=1 HTTP/2.0\",\"status\":\"200\",\"body_bytes_sent\":\"512\","
                        + "\"http_referer\":\"https://ref.example/c\",\"http_user_agent\":\"Mozilla/5.0 (\\\"q\\\") caf\u00e9\","
                        + "\"request_time\":\"0.042\",\"host\":\"Shop.Example.com\",\"upstream_response_time\":\"0.040, 0.001\"}",
                "/json/page",
                List.of(
                        "192.0.2.60",
                        "2037-03-12 10:50:00.000",
                        "200",
                        "512",
                        "https://ref.example/c",
                        "Mozilla/5.0 (\"q\") caf\u00e9",
                        "42000")));
        lines.add(valid(
                "{\"status\":404,\"body_bytes_sent\":0,\"remote_addr\":\"2001:db8::60\",\"request\":\"HEAD /json/local HTTP/1.1\","
                        + "\"time_local\":\"12/Mar/2037:10:51:00 +0000\",\"http_referer\":\"-\",\"http_user_agent\":\"\"}",
                "/json/local",
                List.of("2001:db8::60", "2037-03-12 10:51:00.000", "404", "0", "<none>", "<none>", "<none>")));
        // A TLS handshake sent to port 80: nginx logs its bytes as the request.
        lines.add(quarantined(
                "{\"time_iso8601\":\"2037-03-12T10:52:00+00:00\",\"remote_addr\":\"192.0.2.61\",\"request\":"
                        + "\"\\u0016\\u0003\\u0001json-handshake\",\"status\":\"400\",\"body_bytes_sent\":\"150\"}",
                "json-handshake",
                "not a nginx_json log line"));
        lines.add(quarantined(
                "{\"time_iso8601\":\"2037-03-12T10:53:00+00:00\",\"remote_addr\":\"192.0.2.62\",\"request\":"
                        + "\"GET /json/no-status HTTP/1.1\",\"body_bytes_sent\":\"1\"}",
                "/json/no-status",
                "not a nginx_json log line"));
        return lines;
    }

    private String valid(String line, String path, List<String> values) {
        parsed.put(path, values);
        return line;
    }

    private String quarantined(String line, String marker, String reason) {
        quarantined.put(marker, reason);
        return line;
    }

    private void ingest(TestStack stack, TransformFixture lake, IngestFormat format, String site, List<String> lines)
            throws Exception {
        Path log = directory.resolve(format.folder() + ".log");
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        try (S3Client s3 = stack.newS3Client()) {
            new Ingester(
                            new S3ObjectStore(s3, lake.lake().rawBucket(), "test stack"),
                            new IngestOptions(List.of(log), format, site, ""),
                            new ProgressReporter(
                                    "lines",
                                    0,
                                    new PrintStream(OutputStream.nullOutputStream()),
                                    false,
                                    System::nanoTime))
                    .run();
        }
    }
}
