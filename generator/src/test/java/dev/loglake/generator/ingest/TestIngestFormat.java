package dev.loglake.generator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.store.TestingObjectStore;
import dev.loglake.lake.model.ModelCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestIngestFormat {
    @TempDir
    Path directory;

    @Test
    void everyFormatIngestAcceptsIsParsedByAStagingFileOfItsName() {
        assertThat(Arrays.stream(IngestFormat.values()).map(IngestFormat::folder))
                .as("ingest's formats and the lake's sql/staging/formats/ files of text lines")
                .containsExactlyInAnyOrderElementsOf(ModelCatalog.lake().rawTables().entrySet().stream()
                        .filter(format -> format.getValue().equals(ModelCatalog.TEXT_RAW_TABLE))
                        .map(Map.Entry::getKey)
                        .toList());
    }

    @Test
    void parquetIsALakeFormatThatIngestRefusesByName() {
        assertThat(ModelCatalog.lake().formats()).containsKey("parquet");
        assertThatThrownBy(() -> IngestFormat.parse("Parquet"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageStartingWith("Ingest reads text logs: format 'Parquet' is not ingested (loglake generate"
                        + " --format parquet writes Parquet raw logs;")
                .hasMessageEndingWith("Expected one of: combined, common, combined_request_time, vhost_combined,"
                        + " alb, cloudfront, nginx_json.");
    }

    @Test
    void anUnknownFormatNamesTheValueAndTheKnownFormats() {
        assertThatThrownBy(() -> IngestFormat.parse("nginx"))
                .isInstanceOf(LoglakeException.class)
                .hasMessage("Unknown ingest format 'nginx'. Expected one of: combined, common,"
                        + " combined_request_time, vhost_combined, alb, cloudfront, nginx_json.");
        assertThat(IngestFormat.parse(" VHOST_combined")).isEqualTo(IngestFormat.VHOST_COMBINED);
    }

    @Test
    void aNamedSourceHasASiteFolderAndAnInvalidNameIsRefused() throws IOException {
        Path log = directory.resolve("access.log");
        Files.writeString(log, "192.0.2.1 - - [01/Nov/2026:10:15:32 +0000] \"GET / HTTP/1.1\" 200 5\n");
        TestingObjectStore store = new TestingObjectStore();

        new Ingester(store, new IngestOptions(List.of(log), IngestFormat.COMMON, "shop.example.com", ""), quiet())
                .run();

        assertThat(store.list("access/")).singleElement().satisfies(key -> assertThat(key)
                .matches("access/common/site=shop\\.example\\.com/dt=2026-11-01/hour=10/ingest-[0-9a-f]{12}"
                        + "\\.log\\.gz"));
        for (String bad : List.of("Shop", "", "../x", "a/b", "shop_1")) {
            assertThatThrownBy(() -> new IngestOptions(List.of(log), IngestFormat.COMMON, bad, ""))
                    .as(bad)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("Invalid site name '" + bad + "'");
        }
    }

    private static ProgressReporter quiet() {
        return new ProgressReporter(
                "lines", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
    }

    @Test
    void linesLandInTheFolderOfTheDeclaredFormatAndAreRoutedByTheirTime() throws IOException {
        String[] lines = {
            "www.example.com:443 192.0.2.1 - - [01/Nov/2026:10:15:32 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/8\"",
            "[2001:db8::1]:80 2001:db8::2 - - [01/Nov/2026:11:00:00 -0100] \"GET /b HTTP/1.1\" 200 5 \"-\" \"x\"",
        };
        Path log = directory.resolve("other_vhosts_access.log");
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        TestingObjectStore store = new TestingObjectStore();

        IngestSummary summary = new Ingester(
                        store,
                        new IngestOptions(List.of(log), IngestFormat.VHOST_COMBINED, ""),
                        new ProgressReporter(
                                "lines", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime))
                .run();

        assertThat(summary.linesRouted()).isEqualTo(2);
        assertThat(summary.routedWithoutShape())
                .as("both have the vhost_combined shape")
                .isZero();
        assertThat(store.list("access/"))
                .allMatch(key -> key.matches(
                        "access/vhost_combined/dt=2026-11-01/hour=(10|12)/ingest-[0-9a-f]{12}" + "\\.log\\.gz"))
                .hasSize(2);
    }

    /**
     * A load balancer's line goes to the hour of its second field, the time the response was sent (UTC, with
     * microseconds), whatever the time of the request later in the line; a line whose second field is no time is
     * quarantined, not guessed.
     */
    @Test
    void loadBalancerLinesAreRoutedByTheirSecondField() throws IOException {
        String[] lines = {
            "https 2026-11-01T10:59:59.999999Z app/shop-alb/50dc6c495c0c9188 192.0.2.1:46532 10.0.0.1:80 0.000 0.001"
                    + " 0.000 200 200 34 366 \"GET https://shop.example.com:443/ HTTP/1.1\" \"curl/8\" - - - \"-\""
                    + " \"-\" \"-\" 0 2026-11-01T09:59:59.000000Z \"forward\" \"-\" \"-\" \"-\" \"-\" \"-\" \"-\" -",
            "h2 2026-11-01T11:00:00.000001Z app/shop-alb/50dc6c495c0c9188 2001:db8::5:443 - -1 -1 -1 460 - 0 0"
                    + " \"GET https://shop.example.com:443/slow HTTP/2.0\" \"x\" - - - \"-\" \"-\" \"-\" 0"
                    + " 2026-11-01T10:59:00.000000Z",
            "https 01/Nov/2026:10:15:32 app/shop-alb/1 192.0.2.1:1 - 0 0 0 200 200 1 1 \"GET / HTTP/1.1\" \"x\"",
        };
        Path log = directory.resolve("alb.log");
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        TestingObjectStore store = new TestingObjectStore();

        IngestSummary summary =
                new Ingester(store, new IngestOptions(List.of(log), IngestFormat.ALB, ""), quiet()).run();

        assertThat(summary.linesRouted()).isEqualTo(2);
        assertThat(summary.routedWithoutShape()).as("both have the ALB's shape").isZero();
        assertThat(store.list("access/alb/"))
                .extracting(key -> key.replaceAll("/ingest-.*", ""))
                .containsExactlyInAnyOrder("access/alb/dt=2026-11-01/hour=10", "access/alb/dt=2026-11-01/hour=11");
        assertThat(store.list("quarantine/ingest/"))
                .as("the line without an ISO time")
                .hasSize(1);
    }

    /**
     * CloudFront's header lines hold no request: counted, not stored, wherever they are in the file (files put
     * together with cat have them in the middle). A line goes to the hour of its date and time.
     */
    @Test
    void cloudFrontHeaderLinesAreCountedNotStoredAndLinesRouteByTheirDateAndTime() throws IOException {
        String fields = IngestFormat.CLOUDFRONT_FIELDS + " fle-status fle-encrypted-fields c-port time-to-first-byte"
                + " x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";
        String[] lines = {
            "#Version: 1.0",
            fields,
            cloudFrontLine("2026-11-01\t10:59:59"),
            "#Version: 1.0",
            fields,
            cloudFrontLine("2026-11-01\t11:00:00"),
            cloudFrontLine("01/Nov/2026\t11:00:00"),
        };
        Path log = directory.resolve("E2EXAMPLE.2026-11-01-10.abcd1234");
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        TestingObjectStore store = new TestingObjectStore();

        IngestSummary summary =
                new Ingester(store, new IngestOptions(List.of(log), IngestFormat.CLOUDFRONT, ""), quiet()).run();

        assertThat(summary.headerLines()).isEqualTo(4);
        assertThat(summary.linesRouted()).isEqualTo(2);
        assertThat(summary.linesQuarantined()).as("the line without a date").isEqualTo(1);
        assertThat(summary.routedWithoutShape()).isZero();
        assertThat(store.list("access/cloudfront/"))
                .extracting(key -> key.replaceAll("/ingest-.*", ""))
                .containsExactlyInAnyOrder(
                        "access/cloudfront/dt=2026-11-01/hour=10", "access/cloudfront/dt=2026-11-01/hour=11");
    }

    @Test
    void aCloudFrontFileOfOtherFieldsIsRefusedBeforeAnythingIsStored() throws IOException {
        Path log = directory.resolve("custom-fields.log");
        Files.writeString(
                log,
                "#Version: 1.0\n#Fields: date time c-ip cs-method cs-uri-stem\n"
                        + "2026-11-01\t10:00:00\t192.0.2.1\tGET\t/\n");
        TestingObjectStore store = new TestingObjectStore();

        assertThatThrownBy(
                        () -> new Ingester(store, new IngestOptions(List.of(log), IngestFormat.CLOUDFRONT, ""), quiet())
                                .run())
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining(log + " is not a CloudFront standard log of the fields loglake reads: its header"
                        + " is '#Fields: date time c-ip cs-method cs-uri-stem', expected one starting with"
                        + " '#Fields: date time x-edge-location");
        assertThat(store.list("")).isEmpty();
    }

    private static String cloudFrontLine(String dateAndTime) {
        return dateAndTime + "\tIAD89-C3\t335\t192.0.2.1\tGET\td111111abcdef8.cloudfront.net\t/index.html\t200\t-"
                + "\tcurl/8\t-\t-\tMiss\tid==\twww.example.com\thttps\t123\t0.338\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256"
                + "\tMiss\tHTTP/2.0\t-\t-\t61052\t0.000\tMiss\ttext/html\t2039\t-\t-";
    }

    /** An nginx JSON line goes to the hour of its time_iso8601 (its offset applied), else of its time_local. */
    @Test
    void nginxJsonLinesAreRoutedByTheirTimeKey() throws IOException {
        String[] lines = {
            "{\"remote_addr\":\"192.0.2.1\",\"time_iso8601\":\"2026-11-01T11:59:59+02:00\",\"request\":\"GET / HTTP/1.1\","
                    + "\"status\":\"200\",\"body_bytes_sent\":\"5\"}",
            "{\"time_local\":\"01/Nov/2026:11:00:00 +0000\",\"remote_addr\":\"::1\",\"request\":\"GET / HTTP/1.1\","
                    + "\"status\":200,\"body_bytes_sent\":5}",
            "{\"remote_addr\":\"192.0.2.1\",\"time_iso8601\":\"yesterday\",\"request\":\"GET / HTTP/1.1\"}",
            "192.0.2.1 - - [01/Nov/2026:10:15:32 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"x\"",
        };
        Path log = directory.resolve("access.json.log");
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        TestingObjectStore store = new TestingObjectStore();

        IngestSummary summary =
                new Ingester(store, new IngestOptions(List.of(log), IngestFormat.NGINX_JSON, ""), quiet()).run();

        assertThat(summary.linesRouted()).isEqualTo(2);
        assertThat(summary.routedWithoutShape()).isZero();
        assertThat(summary.linesQuarantined())
                .as("no valid time key: a bad time and a combined line")
                .isEqualTo(2);
        assertThat(store.list("access/nginx_json/"))
                .extracting(key -> key.replaceAll("/ingest-.*", ""))
                .containsExactlyInAnyOrder(
                        "access/nginx_json/dt=2026-11-01/hour=09", "access/nginx_json/dt=2026-11-01/hour=11");
    }
}
