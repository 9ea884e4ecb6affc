package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The peer of the ETL stage: DuckDB, in this JVM, doing the transform's work on local copies of the same raw
 * objects: the regular expression and derivations of {@code sql/staging/parsed_lines.sql}, the country lookup
 * and derived columns of {@code sql/marts/fact_requests.sql}, the fact rows written as ZSTD Parquet partitioned
 * by event day and the bad lines as a quarantine Parquet file. DuckDB reads local files because its httpfs
 * extension (for S3) cannot be downloaded on a network without internet access.
 *
 * <p>Differences that do not change the work: DuckDB's regular expressions are RE2 (Trino runs Joni), so the
 * named groups are numbered here; the client address is checked by a regular expression, since DuckDB's inet
 * extension is not bundled either; IPv6 networks are matched on whole hexadecimal digits of their prefix.
 */
final class DuckDbEtl {
    /** parsed_lines.sql's expression without the catch-all branch: a line that does not match gives empty groups. */
    static final String LINE_PATTERN = "^([^\\s\\x1f]+) [^\\s\\x1f]+ ([^\\s\\x1f]+) \\[([^\\]\\x1f]+)\\]"
            + " \"([A-Za-z]{1,20}) ([^\\s\"\\x1f]+) (HTTP/[0-9.]{1,4})\" ([0-9]{3}) ([0-9]{1,18}|-)"
            + " \"([^\"\\\\\\x1f]*(?:\\\\[^\\x1f][^\"\\\\\\x1f]*)*)\" \"([^\"\\\\\\x1f]*(?:\\\\[^\\x1f][^\"\\\\\\x1f]*)*)\"(?: ([0-9]{1,18}))?$";

    private static final String IPV4 =
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}" + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String BOT = "'bot|crawler|spider|slurp'";

    private final Path rawDirectory;
    private final Path ipBlocksFile;
    private final int threads;
    private final int latenessDays;

    DuckDbEtl(Path rawDirectory, Path ipBlocksFile, int threads, int latenessDays) {
        this.rawDirectory = requireNonNull(rawDirectory, "rawDirectory is null");
        this.ipBlocksFile = requireNonNull(ipBlocksFile, "ipBlocksFile is null");
        this.threads = threads;
        this.latenessDays = latenessDays;
    }

    /** What one run read and wrote, and how long it took. */
    record Run(long lines, long factRows, long quarantined, double seconds) {
        double linesPerSecond() {
            return lines / seconds;
        }
    }

    /**
     * Loads DuckDB's native library (the first connection of a JVM unpacks it from the jar, which takes
     * seconds), so that no run is charged for it.
     */
    static void warmUp() {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            sql.execute("SELECT 1");
        } catch (SQLException e) {
            throw LoglakeException.external("DuckDB does not start in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * A DuckDB session as every run of the peer uses it: its threads, UTC (timestamps as the lake's), and no
     * insertion order to keep (the outputs are partitioned files, read unordered).
     */
    static void configure(Statement sql, int threads) throws SQLException {
        sql.execute("SET threads = " + threads);
        sql.execute("SET TimeZone = 'UTC'");
        sql.execute("SET preserve_insertion_order = false");
    }

    /** Parses every raw object under the raw directory into {@code output}/fact and {@code output}/quarantine. */
    Run run(Path output) {
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw LoglakeException.external(
                    "Cannot create DuckDB's output folder " + output + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            configure(sql, threads);
            sql.execute(macros());
            sql.execute("CREATE TEMP TABLE ip_blocks AS " + ipBlocks());
            sql.execute("CREATE TEMP TABLE raw_lines AS " + rawLines());
            sql.execute(invalidUtf8Lines());
            sql.execute("CREATE TEMP TABLE parsed AS " + parsedLines());
            sql.execute("COPY (" + factRequests() + ") TO " + literal(output.resolve("fact"))
                    + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), OVERWRITE_OR_IGNORE)");
            sql.execute(
                    "COPY (SELECT source_object, error, raw_line, arrival_dt FROM parsed WHERE error IS NOT NULL) TO "
                            + literal(output.resolve("quarantine.parquet")) + " (FORMAT parquet, COMPRESSION zstd)");
            double seconds = (System.nanoTime() - started) / 1e9;
            try (ResultSet counts = sql.executeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE error IS NULL), count(*) FILTER (WHERE error IS NOT NULL)"
                            + " FROM parsed")) {
                counts.next();
                return new Run(counts.getLong(1), counts.getLong(2), counts.getLong(3), seconds);
            }
        } catch (SQLException e) {
            throw LoglakeException.external(
                    "DuckDB failed on the raw copies in " + rawDirectory + ": " + e.getMessage(), e);
        }
    }

    /** IPv6 text to its 32 hexadecimal digits: groups padded, "::" expanded. */
    private static String macros() {
        return """
                CREATE TEMP MACRO ip6_side(part) AS CASE WHEN part = '' THEN []::VARCHAR[] ELSE string_split(part, ':') END;
                CREATE TEMP MACRO ip6_groups(a) AS CASE WHEN contains(a, '::')
                    THEN list_concat(
                        ip6_side(split_part(a, '::', 1)),
                        list_transform(range(8 - len(ip6_side(split_part(a, '::', 1))) - len(ip6_side(split_part(a, '::', 2)))), x -> '0'),
                        ip6_side(split_part(a, '::', 2)))
                    ELSE string_split(a, ':') END;
                CREATE TEMP MACRO ip6_hex(a) AS array_to_string(list_transform(ip6_groups(lower(a)), g -> lpad(g, 4, '0')), '');
                CREATE TEMP MACRO ip4_number(a) AS (CAST(split_part(a, '.', 1) AS BIGINT) << 24)
                    + (CAST(split_part(a, '.', 2) AS BIGINT) << 16) + (CAST(split_part(a, '.', 3) AS BIGINT) << 8)
                    + CAST(split_part(a, '.', 4) AS BIGINT);
                """;
    }

    private String ipBlocks() {
        return "WITH networks AS (SELECT network, country, NOT contains(network, ':') AS is_ipv4,"
                + " split_part(network, '/', 1) AS address, CAST(split_part(network, '/', 2) AS INTEGER) AS prefix_length"
                + " FROM read_csv(" + literal(ipBlocksFile)
                + ", columns = {'network': 'VARCHAR', 'country': 'VARCHAR'},"
                + " header = false, auto_detect = false) WHERE contains(network, '/'))"
                + " SELECT country, is_ipv4, prefix_length,"
                + " IF(is_ipv4, ip4_number(address) - ip4_number(address) % (CAST(1 AS BIGINT) << (32 - prefix_length)), NULL) AS first_number,"
                + " IF(is_ipv4, ip4_number(address) - ip4_number(address) % (CAST(1 AS BIGINT) << (32 - prefix_length))"
                + " + (CAST(1 AS BIGINT) << (32 - prefix_length)) - 1, NULL) AS last_number,"
                + " IF(is_ipv4, NULL, left(ip6_hex(address), prefix_length // 4)) AS hex_prefix"
                + " FROM networks";
    }

    /**
     * Every line of the raw objects. A line that is not valid UTF-8 is rejected by DuckDB's reader (Trino
     * decodes it with replacement characters instead): {@link #invalidUtf8Lines()} adds it back from the rejects
     * table, so that it is quarantined like the others and the line count is conserved.
     */
    private String rawLines() {
        return "SELECT CAST(dt AS DATE) AS arrival_dt, filename AS source_object, line"
                + " FROM read_csv(" + literal(rawDirectory.resolve("**").resolve("*.gz"))
                + ", columns = {'line': 'VARCHAR'}, delim = chr(1), quote = '', escape = '', header = false,"
                + " auto_detect = false, hive_partitioning = true, filename = true, compression = 'gzip',"
                + " max_line_size = 4194304, store_rejects = true, rejects_table = 'raw_rejects',"
                + " rejects_scan = 'raw_scans')";
    }

    private static String invalidUtf8Lines() {
        return "INSERT INTO raw_lines SELECT"
                + " CAST(regexp_extract(s.file_path, 'dt=([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) AS DATE), s.file_path,"
                + " r.csv_line FROM raw_rejects r JOIN raw_scans s USING (scan_id, file_id)";
    }

    private String parsedLines() {
        String groups = "['ip', 'user', 'ts', 'method', 'target', 'protocol', 'status', 'bytes', 'referer', 'agent',"
                + " 'micros']";
        String ua = "user_agent";
        // Evaluated once per line, in "checked", as parsed_lines.sql does.
        String isBot = "bot_agent";
        return "WITH lines AS (SELECT arrival_dt, source_object, line,"
                + " regexp_extract(line, " + literal(LINE_PATTERN) + ", " + groups + ") AS f FROM raw_lines),"
                + " fields AS (SELECT arrival_dt, source_object, line, f.ip <> '' AS matched, f.ip AS client_ip,"
                + " NULLIF(f.user, '-') AS remote_user,"
                + " try_strptime(f.ts, '%d/%b/%Y:%H:%M:%S %z') AS event_time_zoned, upper(f.method) AS method,"
                + " f.target AS target, f.protocol AS protocol, TRY_CAST(f.status AS INTEGER) AS status,"
                + " IF(f.bytes = '-', 0, TRY_CAST(f.bytes AS BIGINT)) AS response_bytes,"
                + " NULLIF(NULLIF(f.referer, '-'), '') AS referrer, NULLIF(f.agent, '') AS user_agent,"
                + " TRY_CAST(NULLIF(f.micros, '') AS BIGINT) AS response_micros,"
                + " regexp_full_match(f.ip, " + literal(IPV4) + ") OR (contains(f.ip, ':')"
                + " AND regexp_full_match(f.ip, '[0-9A-Fa-f:.]{2,45}')) AS address_ok FROM lines),"
                + " typed AS (SELECT *, CAST(event_time_zoned AS TIMESTAMP) AS event_time,"
                + " CAST(CAST(event_time_zoned AS TIMESTAMP) AS DATE) AS event_dt FROM fields),"
                + " checked AS (SELECT *, CASE"
                + " WHEN length(line) > 65536 THEN 'line longer than 65536 characters'"
                + " WHEN strpos(line, chr(65533)) > 0 THEN 'line is not valid UTF-8'"
                + " WHEN NOT matched THEN 'not a combined log line'"
                + " WHEN event_time_zoned IS NULL THEN 'timestamp is not dd/MMM/yyyy:HH:mm:ss +ZZZZ'"
                + " WHEN NOT address_ok THEN 'client address is not an IPv4 or IPv6 address'"
                + " WHEN status < 100 OR status > 599 THEN 'status code outside 100-599'"
                + " WHEN event_dt > arrival_dt THEN 'event date after the arrival date'"
                + " WHEN event_dt < arrival_dt - INTERVAL " + latenessDays + " DAY"
                + " THEN 'event arrived later than the lateness window' END AS error,"
                + " regexp_matches(lower(user_agent), " + BOT + ") AS bot_agent FROM typed)"
                + " SELECT source_object, error, IF(error IS NULL, NULL, line) AS raw_line, client_ip, remote_user,"
                + " event_time, event_dt, method,"
                + " IF(strpos(target, '?') > 0, substr(target, 1, strpos(target, '?') - 1), target) AS path,"
                + " IF(strpos(target, '?') > 0, substr(target, strpos(target, '?') + 1), NULL) AS query_string,"
                + " protocol, status, response_bytes, referrer,"
                + " NULLIF(regexp_extract(referrer, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]*)', 1), '') AS referrer_host,"
                + " user_agent, response_micros,"
                + " CASE WHEN " + ua + " IS NULL THEN 'Unknown' WHEN " + isBot + " THEN 'Bot'"
                + " WHEN strpos(" + ua + ", 'Edg/') > 0 THEN 'Edge'"
                + " WHEN strpos(" + ua + ", 'OPR/') > 0 OR strpos(" + ua + ", 'Opera') > 0 THEN 'Opera'"
                + " WHEN strpos(" + ua + ", 'Firefox/') > 0 THEN 'Firefox'"
                + " WHEN strpos(" + ua + ", 'Chrome/') > 0 OR strpos(" + ua + ", 'CriOS/') > 0 THEN 'Chrome'"
                + " WHEN strpos(" + ua + ", 'Safari/') > 0 THEN 'Safari'"
                + " WHEN strpos(lower(" + ua + "), 'curl') > 0 OR strpos(" + ua + ", 'python') > 0 THEN 'Script'"
                + " ELSE 'Other' END AS browser_family,"
                + " CASE WHEN " + ua + " IS NULL THEN 'Unknown' WHEN strpos(" + ua + ", 'Android') > 0 THEN 'Android'"
                + " WHEN strpos(" + ua + ", 'iPhone') > 0 OR strpos(" + ua + ", 'iPad') > 0 THEN 'iOS'"
                + " WHEN strpos(" + ua + ", 'Windows') > 0 THEN 'Windows'"
                + " WHEN strpos(" + ua + ", 'Mac OS X') > 0 OR strpos(" + ua + ", 'Macintosh') > 0 THEN 'macOS'"
                + " WHEN strpos(" + ua + ", 'CrOS') > 0 THEN 'ChromeOS' WHEN strpos(" + ua
                + ", 'Linux') > 0 THEN 'Linux'"
                + " ELSE 'Other' END AS os_family,"
                + " CASE WHEN " + ua + " IS NULL THEN 'unknown' WHEN " + isBot + " THEN 'bot'"
                + " WHEN strpos(" + ua + ", 'iPad') > 0 OR strpos(" + ua + ", 'Tablet') > 0 THEN 'tablet'"
                + " WHEN strpos(" + ua + ", 'Mobile') > 0 OR strpos(" + ua + ", 'iPhone') > 0"
                + " OR strpos(" + ua + ", 'Android') > 0 THEN 'mobile' ELSE 'desktop' END AS device_class,"
                + " " + ua + " IS NOT NULL AND " + isBot + " AS is_bot, arrival_dt FROM checked";
    }

    private static String factRequests() {
        String assets = "'\\.(css|js|mjs|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|map)$'";
        String notPages = "'\\.(css|js|mjs|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|map|xml|txt|json)$'";
        return "WITH requests AS (SELECT * FROM parsed WHERE error IS NULL),"
                + " addresses AS (SELECT DISTINCT client_ip, NOT contains(client_ip, ':') AS is_ipv4 FROM requests),"
                + " v4 AS (SELECT a.client_ip, arg_max(b.country, b.prefix_length) AS country"
                + " FROM (SELECT client_ip, ip4_number(client_ip) AS n FROM addresses WHERE is_ipv4) a"
                + " JOIN ip_blocks b ON b.is_ipv4 AND a.n BETWEEN b.first_number AND b.last_number GROUP BY a.client_ip),"
                + " v6 AS (SELECT a.client_ip, arg_max(b.country, b.prefix_length) AS country"
                + " FROM (SELECT client_ip, ip6_hex(client_ip) AS hex FROM addresses WHERE NOT is_ipv4) a"
                + " JOIN ip_blocks b ON NOT b.is_ipv4 AND starts_with(a.hex, b.hex_prefix) GROUP BY a.client_ip),"
                + " ip_countries AS (SELECT * FROM v4 UNION ALL SELECT * FROM v6)"
                + " SELECT r.event_time, r.client_ip, remote_user, method, path, query_string, protocol, status,"
                + " response_bytes, response_micros, referrer, referrer_host, user_agent, browser_family, os_family,"
                + " device_class, is_bot, coalesce(ic.country, 'unknown') AS country,"
                + " regexp_matches(path, " + assets + ") OR starts_with(path, '/static/')"
                + " OR starts_with(path, '/assets/') AS is_asset,"
                + " method = 'GET' AND status < 400 AND NOT is_bot AND NOT (regexp_matches(path, " + notPages + ")"
                + " OR starts_with(path, '/static/') OR starts_with(path, '/assets/') OR starts_with(path, '/api/'))"
                + " AS is_page_view,"
                + " CASE WHEN path = '/' THEN '/' ELSE concat('/', split_part(path, '/', 2)) END AS path_group,"
                + " arrival_dt, source_object, event_dt AS dt"
                + " FROM requests r LEFT JOIN ip_countries ic ON ic.client_ip = r.client_ip";
    }

    static String literal(Path path) {
        return literal(path.toString());
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DuckDB over %s (%d threads)", rawDirectory, threads);
    }
}
