package dev.loglake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB peer parses like parsed_lines.sql: the same fields, the same quarantine reasons, the same country. */
class TestDuckDbEtl {
    @TempDir
    Path work;

    @Test
    void parsesQuarantinesAndLooksUpCountriesLikeTheTransform() throws Exception {
        Path raw = work.resolve("raw");
        writeGzip(
                raw.resolve("dt=2026-11-02/hour=10/a.log.gz"),
                "10.1.2.3 - - [02/Nov/2026:10:00:01 +0000] \"GET /shop/item?id=7 HTTP/1.1\" 200 512"
                        + " \"https://www.example.com/x\" \"Mozilla/5.0 (Windows NT 10.0) Chrome/120.0\" 1500",
                "2001:db8::5 - bob [02/Nov/2026:11:00:02 +0100] \"get /robots.txt HTTP/2.0\" 304 - \"-\""
                        + " \"Googlebot/2.1 (+http://www.google.com/bot.html)\"",
                "10.1.2.4 - - [01/Nov/2026:23:59:59 +0000] \"GET /late HTTP/1.1\" 200 1 \"-\" \"curl/8\" 9",
                "\u0000\u0085\u00ff garbage \"",
                "10.1.2.5 - - [32/Foo/2026:12:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\" 1",
                "10.1.2.6 - - [04/Nov/2026:12:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\" 1");
        Path blocks = work.resolve("ip_blocks.csv");
        Files.writeString(blocks, "10.0.0.0/8,NL\n10.1.0.0/16,DE\n2001:db8::/32,FR\n");

        DuckDbEtl.Run run = new DuckDbEtl(raw, blocks, 1, 2).run(work.resolve("out"));

        assertThat(run.lines()).isEqualTo(6);
        assertThat(run.factRows()).isEqualTo(3);
        assertThat(run.quarantined()).isEqualTo(3);
        assertThat(rows("SELECT CAST(dt AS VARCHAR), client_ip, method, path, query_string, status, response_bytes,"
                        + " referrer_host, browser_family, os_family, device_class, is_bot, country, is_page_view,"
                        + " path_group, CAST(event_time AS VARCHAR) FROM read_parquet('"
                        + work.resolve("out/fact/**/*.parquet") + "', hive_partitioning = true) ORDER BY event_time"))
                .containsExactly(
                        "2026-11-01|10.1.2.4|GET|/late|null|200|1|null|Script|Other|desktop|false|DE|true|/late"
                                + "|2026-11-01 23:59:59",
                        "2026-11-02|10.1.2.3|GET|/shop/item|id=7|200|512|www.example.com|Chrome|Windows|desktop|false"
                                + "|DE|true|/shop|2026-11-02 10:00:01",
                        "2026-11-02|2001:db8::5|GET|/robots.txt|null|304|0|null|Bot|Other|bot|true|FR|false"
                                + "|/robots.txt|2026-11-02 10:00:02");
        assertThat(rows("SELECT error FROM read_parquet('" + work.resolve("out/quarantine.parquet")
                        + "') ORDER BY error"))
                .containsExactly(
                        "event date after the arrival date",
                        "not a combined log line",
                        "timestamp is not dd/MMM/yyyy:HH:mm:ss +ZZZZ");
    }

    private static List<String> rows(String sql) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
            return rows;
        }
    }

    private static void writeGzip(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String line : lines) {
                out.write(line.getBytes(StandardCharsets.ISO_8859_1));
                out.write('\n');
            }
        }
    }
}
