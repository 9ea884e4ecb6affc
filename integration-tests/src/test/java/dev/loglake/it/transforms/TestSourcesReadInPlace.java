package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.generator.format.AccessLogSchema;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.LogRecord;
import dev.loglake.generator.format.ParquetEncoder;
import dev.loglake.lake.DayRange;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.LoglakeCli;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Logs read where they are: objects laid out in the S3 server exactly as AWS names them (an ALB's
 * AWSLogs/account/elasticloadbalancing/region/yyyy/mm/dd/ folders, two regions; CloudFront's flat folder of
 * distribution.yyyy-mm-dd-hh.id.gz objects, header lines included) and prefixes of dt= (with and without hour=
 * folders) and yyyy/mm/dd day folders, of combined text and of the generator's Parquet, added with the real {@code loglake source add}, loaded without a copy; a day closes only when every
 * source of it is closed; bad input changes nothing. Exact values per format are TestDeclaredFormats' concern: here
 * the counts per day and source, and one request.
 */
@ExtendWith(LocalStackExtension.class)
class TestSourcesReadInPlace {
    private static final LocalDate DAY1 = LocalDate.of(2037, 4, 1);
    private static final LocalDate DAY2 = DAY1.plusDays(1);
    private static final LocalDate DAY3 = DAY1.plusDays(2);
    private static final LocalDate LATER = DAY1.plusDays(8);
    private static final String LOGS = "it-in-place-aws-logs";
    private static final String ALB = "alb/AWSLogs/123456789012/elasticloadbalancing/";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path work;

    @Test
    void sourcesAreReadInPlaceDayByDayAndClosePerSource(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "in_place");
        LoglakeCli cli = cli(stack, lake);
        try (S3Client s3 = stack.newS3Client()) {
            createBucket(s3);
            put(s3, albKey("eu-west-1", DAY1, "a"), albLines(DAY1, "/eu", 5));
            put(s3, albKey("us-east-1", DAY1, "b"), albLines(DAY1, "/us", 3));
            put(s3, albKey("eu-west-1", DAY2, "c"), albLines(DAY2, "/eu", 4));
            put(s3, "web/dt=" + DAY1 + "/access.log.gz", combinedLines(DAY1, "/web", 6));
            put(s3, "web/" + DAY2.toString().replace('-', '/') + "/access.log.gz", combinedLines(DAY2, "/web", 2));
            // The generator's Parquet (its ParquetEncoder): DAY1 in hour folders, DAY2 in a yyyy/mm/dd folder.
            putParquet(s3, "app/dt=" + DAY1 + "/hour=09/part-0.parquet", parquetRecords(DAY1, 9, "/app", 3));
            putParquet(s3, "app/dt=" + DAY1 + "/hour=10/part-0.parquet", parquetRecords(DAY1, 10, "/app", 2));
            putParquet(
                    s3,
                    "app/" + DAY2.toString().replace('-', '/') + "/part-0.parquet",
                    parquetRecords(DAY2, 8, "/app", 4));
            // CloudFront's flat folder: two distributions, two hours of DAY1, one of DAY2.
            put(s3, cloudFrontKey("E1AAAAAAAAAAAA", DAY1, 0, "a"), cloudFrontLines(DAY1, "/cdn", 3));
            put(s3, cloudFrontKey("E1AAAAAAAAAAAA", DAY1, 23, "b"), cloudFrontLines(DAY1, "/cdn", 2));
            put(s3, cloudFrontKey("E2BBBBBBBBBBBB", DAY1, 13, "c"), cloudFrontLines(DAY1, "/cdn", 4));
            put(s3, cloudFrontKey("E1AAAAAAAAAAAA", DAY2, 5, "d"), cloudFrontLines(DAY2, "/cdn", 1));
            // A day the transform of DAY1..DAY2 must not read: not gzip, so reading it fails the run. The
            // CloudFront one lies in the very folder that DAY1's and DAY2's partitions list.
            s3.putObject(
                    r -> r.bucket(LOGS).key(albKey("eu-west-1", LATER, "later")), RequestBody.fromString("no gzip"));
            s3.putObject(
                    r -> r.bucket(LOGS).key(cloudFrontKey("E1AAAAAAAAAAAA", LATER, 0, "later")),
                    RequestBody.fromString("no gzip"));
        }
        run(cli, 0, "source add", "shop-alb", "--format", "alb", "--location", "s3://" + LOGS + "/alb");
        run(cli, 0, "source add", "web", "--format", "combined", "--location", "s3://" + LOGS + "/web/");
        run(cli, 0, "source add", "cdn", "--format", "cloudfront", "--location", "s3://" + LOGS + "/cdn");
        run(cli, 0, "source add", "app", "--format", "parquet", "--location", "s3://" + LOGS + "/app");
        assertThat(run(cli, 0, "source list"))
                .isEqualTo("app\tparquet\ts3://" + LOGS + "/app/\ncdn\tcloudfront\ts3://" + LOGS
                        + "/cdn/\nshop-alb\talb\ts3://" + LOGS + "/alb/\nweb\tcombined\ts3://" + LOGS + "/web/\n");

        lake.transform(TransformRequest.days(new DayRange(DAY1, DAY2)));

        assertThat(partitions(lake))
                .as("one partition per source day folder, each at the source's own folder")
                .containsExactly(
                        List.of("alb", "shop-alb", DAY1.toString(), "all-123456789012-eu-west-1"),
                        List.of("alb", "shop-alb", DAY1.toString(), "all-123456789012-us-east-1"),
                        List.of("alb", "shop-alb", DAY2.toString(), "all-123456789012-eu-west-1"),
                        List.of("cloudfront", "cdn", DAY1.toString(), "all"),
                        List.of("cloudfront", "cdn", DAY2.toString(), "all"),
                        List.of("combined", "web", DAY1.toString(), "all"),
                        List.of("combined", "web", DAY2.toString(), "all"));
        assertThat(parquetPartitions(lake))
                .as("the Parquet source's hour folders and day folder, in the raw table of Parquet records")
                .containsExactly(
                        List.of("app", DAY1.toString(), "09", "s3://" + LOGS + "/app/dt=" + DAY1 + "/hour=09"),
                        List.of("app", DAY1.toString(), "10", "s3://" + LOGS + "/app/dt=" + DAY1 + "/hour=10"),
                        List.of("app", DAY2.toString(), "all", "s3://" + LOGS + "/app/2037/04/02"));
        assertThat(requestsPerDayAndSource(lake))
                .as("requests per day and source: what the objects hold")
                .isEqualTo(Map.of(
                        DAY1 + " alb", 8L,
                        DAY1 + " app", 5L,
                        DAY1 + " cdn", 9L,
                        DAY1 + " web", 6L,
                        DAY2 + " alb", 4L,
                        DAY2 + " app", 4L,
                        DAY2 + " cdn", 1L,
                        DAY2 + " web", 2L));
        assertThat(lake.single("SELECT count(*) FROM " + lake.table("staging", "quarantine")))
                .as("CloudFront's header lines are no lines to quarantine")
                .isEqualTo(0L);
        assertThat(lake.rows("SELECT client_ip, CAST(event_time AS varchar), status, method FROM "
                        + lake.table("marts", "fact_requests") + " WHERE path = '/us/2'"))
                .as("an ALB request read in place")
                .containsExactly(List.of("192.0.2.2", DAY1 + " 10:00:02.000", 200, "GET"));
        assertThat(lake.rows("SELECT site, client_ip, CAST(event_time AS varchar), status, method, response_bytes,"
                        + " response_micros FROM " + lake.table("marts", "fact_requests") + " WHERE path = '/app/4'"))
                .as("a Parquet request read in place: its record's values, the source's name as its site")
                .containsExactly(List.of("app", "2001:db8::4", DAY2 + " 08:00:04.000", 404, "POST", 1004L, 4000L));
        assertThat(objectKeys(lake.lake().rawBucket(), stack, "access/"))
                .as("nothing copied")
                .isEmpty();
        // The ALB has moved on past DAY1's lateness window (LATER), the web source has not.
        assertThat(arrivalStatus(lake, DAY1)).isEqualTo("partial");

        try (S3Client s3 = stack.newS3Client()) {
            put(s3, albKey("eu-west-1", DAY3, "d"), albLines(DAY3, "/eu", 7));
        }
        lake.transform(TransformRequest.days(new DayRange(DAY3, DAY3)));
        assertThat(partitions(lake))
                .as("the second transform adds the new day folder only")
                .hasSize(8)
                .contains(List.of("alb", "shop-alb", DAY3.toString(), "all-123456789012-eu-west-1"));
        assertThat(requestsPerDayAndSource(lake))
                .containsEntry(DAY3 + " alb", 7L)
                .hasSize(9);

        lake.transform(TransformRequest.close(new DayRange(DAY1, DAY1)));
        assertThat(arrivalStatus(lake, DAY1))
                .as("closed by hand, for each of its sources")
                .isEqualTo("complete");
        assertThat(objectKeys(lake.lake().rawBucket(), stack, "markers/"))
                .containsExactly(
                        "markers/access/alb/site=shop-alb/dt=" + DAY1 + "/closed",
                        "markers/access/cloudfront/site=cdn/dt=" + DAY1 + "/closed",
                        "markers/access/combined/site=web/dt=" + DAY1 + "/closed",
                        "markers/access/parquet/site=app/dt=" + DAY1 + "/closed");

        List<String> logs = objectKeys(LOGS, stack, "");
        assertThat(run(cli, 0, "source remove", "shop-alb")).startsWith("Removed source shop-alb");
        assertThat(run(cli, 0, "source list"))
                .isEqualTo("app\tparquet\ts3://" + LOGS + "/app/\ncdn\tcloudfront\ts3://" + LOGS
                        + "/cdn/\nweb\tcombined\ts3://" + LOGS + "/web/\n");
        assertThat(objectKeys(LOGS, stack, ""))
                .as("the logs of a removed source")
                .isEqualTo(logs);

        lake.transform(TransformRequest.days(new DayRange(DAY2, DAY2)));
        assertThat(partitions(lake))
                .as("a reloaded day no longer reads a removed source")
                .doesNotContain(List.of("alb", "shop-alb", DAY2.toString(), "all-123456789012-eu-west-1"))
                .contains(List.of("alb", "shop-alb", DAY1.toString(), "all-123456789012-eu-west-1"));
        assertThat(requestsPerDayAndSource(lake))
                .doesNotContainKey(DAY2 + " alb")
                .containsEntry(DAY2 + " app", 4L)
                .containsEntry(DAY2 + " cdn", 1L)
                .containsEntry(DAY2 + " web", 2L);
    }

    @Test
    void badSourcesAreRefusedWithTheirReasonAndChangeNothing(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "in_place_bad");
        LoglakeCli cli = cli(stack, lake);
        try (S3Client s3 = stack.newS3Client()) {
            createBucket(s3);
        }
        run(cli, 0, "source add", "shop", "--format", "alb", "--location", "s3://" + LOGS + "/alb/");
        List<String> before = objectKeys(lake.lake().rawBucket(), stack, "");

        assertThat(run(cli, 2, "source add", "blog", "--format", "w3c", "--location", "s3://" + LOGS + "/w3c/"))
                .contains("Unknown format 'w3c' for source blog: expected one of [alb, cloudfront, combined,")
                .contains("Nothing was written.");
        assertThat(run(cli, 2, "source add", "blog", "--format", "alb", "--location", "s3://it-no-such-bucket/x/"))
                .contains("Cannot list location s3://it-no-such-bucket/x/ (bucket it-no-such-bucket, prefix 'x/'):"
                        + " NoSuchBucket");
        assertThat(run(cli, 2, "source add", "shop", "--format", "combined", "--location", "s3://" + LOGS + "/w/"))
                .contains("The source name 'shop' is taken: it reads alb logs from s3://" + LOGS + "/alb/.");
        assertThat(run(cli, 2, "source add", "Shop!", "--format", "alb", "--location", "s3://" + LOGS + "/alb/"))
                .contains("Invalid site name 'Shop!'");
        assertThat(run(cli, 2, "source add", "blog", "--format", "alb", "--location", "http://" + LOGS + "/alb/"))
                .contains("Invalid location 'http://" + LOGS + "/alb/': expected s3://BUCKET/PREFIX");
        assertThat(objectKeys(lake.lake().rawBucket(), stack, ""))
                .as("the raw bucket")
                .isEqualTo(before);
    }

    private static String run(LoglakeCli cli, int exitCode, String command, String... args) {
        LoglakeCli.Run run =
                cli.start(command + "-" + String.join("-", args).replaceAll("[^a-z0-9-]", "_"), command, args);
        assertThat(run.awaitExit(RUN_LIMIT))
                .as("exit code of %s %s; stdout: %s; stderr: %s", command, args, run.stdout(), run.stderr())
                .isEqualTo(exitCode);
        return exitCode == 0 ? run.stdout() : run.stderr();
    }

    private LoglakeCli cli(TestStack stack, TransformFixture lake) throws IOException {
        return new LoglakeCli(
                stack,
                Map.of(LakeConfig.RAW_BUCKET, lake.lake().rawBucket()),
                Files.createDirectories(work.resolve("cli")));
    }

    private static List<List<Object>> partitions(TransformFixture lake) throws Exception {
        return lake.rows("SELECT log_format, site, dt, hour FROM " + lake.table("raw", "\"log_lines$partitions\"")
                + " ORDER BY 1, 2, 3, 4");
    }

    /** The partitions of raw.log_records (Parquet) with their folders, without a trailing '/'. */
    private static List<List<Object>> parquetPartitions(TransformFixture lake) throws Exception {
        List<List<Object>> partitions = new ArrayList<>();
        for (List<Object> row : lake.rows("SELECT DISTINCT site, dt, hour, \"$path\" FROM "
                + lake.table("raw", "log_records") + " ORDER BY 1, 2, 3")) {
            String path = (String) row.get(3);
            partitions.add(List.of(row.get(0), row.get(1), row.get(2), path.substring(0, path.lastIndexOf('/'))));
        }
        return partitions;
    }

    /** Requests of the facts per event day and source, told apart by the object each line came from. */
    private static Map<String, Long> requestsPerDayAndSource(TransformFixture lake) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (List<Object> row :
                lake.rows("SELECT CAST(p.event_dt AS varchar), CASE WHEN p.source_object LIKE '%/AWSLogs/%'"
                        + " THEN 'alb' WHEN p.source_object LIKE '%/cdn/%' THEN 'cdn'"
                        + " WHEN p.source_object LIKE '%/app/%' THEN 'app' ELSE 'web' END, count(*) FROM "
                        + lake.table("staging", "parsed_lines") + " p WHERE p.error IS NULL"
                        + " GROUP BY 1, 2")) {
            counts.put(row.get(0) + " " + row.get(1), ((Number) row.get(2)).longValue());
        }
        assertThat(lake.single("SELECT count(*) FROM " + lake.table("marts", "fact_requests")))
                .as("the facts hold every staged request")
                .isEqualTo(counts.values().stream().mapToLong(Long::longValue).sum());
        return counts;
    }

    private static String arrivalStatus(TransformFixture lake, LocalDate day) throws Exception {
        return (String) lake.rows("SELECT max_by(status, updated_at) FROM " + lake.table("ledger", "day_status")
                        + " WHERE kind = 'arrival' AND dt = DATE '" + day + "'")
                .get(0)
                .get(0);
    }

    private static List<String> objectKeys(String bucket, TestStack stack, String prefix) {
        try (S3Client s3 = stack.newS3Client()) {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    // s3proxy's filesystem backend lists its directories as objects too
                    .filter(key -> !key.endsWith("/"))
                    .sorted()
                    .toList();
        }
    }

    private static void createBucket(S3Client s3) {
        try {
            s3.createBucket(r -> r.bucket(LOGS));
        } catch (BucketAlreadyOwnedByYouException e) {
            // created by the other test of the class
        }
    }

    /** The key AWS gives an ALB log file of that day and region. */
    private static String albKey(String region, LocalDate day, String id) {
        String date = day.toString().replace("-", "");
        return ALB + region + "/" + day.toString().replace('-', '/') + "/123456789012_elasticloadbalancing_" + region
                + "_app.shop-alb.50dc6c495c0c9188_" + date + "T1005Z_10.0.0.1_" + id + ".log.gz";
    }

    /** ALB lines of the day at 10:00:0i, path {@code <path>/i}, client 192.0.2.i. */
    private static List<String> albLines(LocalDate day, String path, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String time = day + "T10:00:0" + i;
            lines.add("https " + time + ".400000Z app/shop-alb/50dc6c495c0c9188 192.0.2." + i + ":46532 10.0.0.1:80"
                    + " 0.000 0.250 0.001 200 200 34 366 \"GET https://shop.example.com:443" + path + "/" + i
                    + " HTTP/1.1\" \"curl/8.5.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
                    + " arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/t/1"
                    + " \"Root=1-58337262-36d228ad5d99923122bbe354\" \"shop.example.com\" \"-\" 0 " + time
                    + ".000000Z \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\" TID_1234abcd");
        }
        return lines;
    }

    /** The key CloudFront gives a standard log object of that distribution and hour: flat, in one folder. */
    private static String cloudFrontKey(String distribution, LocalDate day, int hour, String id) {
        return String.format("cdn/%s.%s-%02d.%s.gz", distribution, day, hour, id);
    }

    /** A CloudFront standard log object's lines, header lines first, as CloudFront writes them. */
    private static List<String> cloudFrontLines(LocalDate day, String path, int count) {
        List<String> lines = new ArrayList<>();
        lines.add("#Version: 1.0");
        lines.add("#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status"
                + " cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id"
                + " x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher"
                + " x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port"
                + " time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start"
                + " sc-range-end");
        for (int i = 1; i <= count; i++) {
            lines.add(String.join(
                    "\t",
                    day.toString(),
                    "12:00:0" + i,
                    "IAD89-C3",
                    "335",
                    "203.0.113." + i,
                    "GET",
                    "d111111abcdef8.cloudfront.net",
                    path + "/" + i,
                    "200",
                    "-",
                    "Mozilla/5.0%20(X11)",
                    "-",
                    "-",
                    "Hit",
                    "req" + i,
                    "www.example.com",
                    "https",
                    "120",
                    "0.002",
                    "-",
                    "TLSv1.3",
                    "TLS_AES_128_GCM_SHA256",
                    "Hit",
                    "HTTP/2.0",
                    "-",
                    "-",
                    "443",
                    "0.002",
                    "Hit",
                    "text/html",
                    "100",
                    "-",
                    "-"));
        }
        return lines;
    }

    private static List<String> combinedLines(LocalDate day, String path, int count) {
        String date = String.format("%02d/Apr/%d", day.getDayOfMonth(), day.getYear());
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("198.51.100." + i + " - - [" + date + ":11:00:0" + i + " +0000] \"GET " + path + "/" + i
                    + " HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"");
        }
        return lines;
    }

    /**
     * Parquet records as the generator writes them ({@link AccessLogSchema}), at hh:00:0i of the day, path
     * {@code <path>/i}, client 2001:db8::i, status 200 (404 and POST for i = 4), i * 1000 micros, 1000 + i bytes.
     */
    private static List<GenericRecord> parquetRecords(LocalDate day, int hour, String path, int count) {
        List<GenericRecord> records = new ArrayList<>();
        long midnight = day.toEpochDay() * 86_400L;
        for (int i = 1; i <= count; i++) {
            records.add(AccessLogSchema.toRecord(new LogRecord(
                    "2001:db8::" + i,
                    midnight + hour * 3600L + i,
                    i == 4 ? "POST" : "GET",
                    path + "/" + i,
                    "HTTP/1.1",
                    i == 4 ? 404 : 200,
                    1000 + i,
                    Optional.empty(),
                    "Mozilla/5.0",
                    i * 1000L)));
        }
        return records;
    }

    private static void putParquet(S3Client s3, String key, List<GenericRecord> records) {
        byte[] parquet = new ParquetEncoder(Compression.ZSTD).encodeRecords(records);
        s3.putObject(r -> r.bucket(LOGS).key(key), RequestBody.fromBytes(parquet));
    }

    private static void put(S3Client s3, String key, List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3.putObject(r -> r.bucket(LOGS).key(key), RequestBody.fromBytes(bytes.toByteArray()));
    }
}
