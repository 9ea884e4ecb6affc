package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the lake's data lives: raw logs, the Parquet warehouse and the reports each get a bucket, as they
 * do on AWS (different lifecycle and versioning rules apply to each).
 */
public record LakeConfig(String rawBucket, String warehouseBucket, String reportsBucket, String schemaPrefix) {
    public static final String RAW_BUCKET = "lake.raw-bucket";
    public static final String WAREHOUSE_BUCKET = "lake.warehouse-bucket";
    public static final String REPORTS_BUCKET = "lake.reports-bucket";
    public static final String SCHEMA_PREFIX = "lake.schema-prefix";

    static final List<ConfigProperty> PROPERTIES = List.of(
            ConfigProperty.of(RAW_BUCKET, "loglake-raw", "Bucket for raw access logs and the generator's manifests."),
            ConfigProperty.of(WAREHOUSE_BUCKET, "loglake-warehouse", "Bucket for the Parquet tables."),
            ConfigProperty.of(REPORTS_BUCKET, "loglake-reports", "Bucket for the rendered reports."),
            ConfigProperty.of(
                    SCHEMA_PREFIX,
                    "",
                    "Prefix of the lake's schema names (raw, staging, marts, ledger, reports), e.g. 'test_'."));
    private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,30})?");

    // S3's rules for bucket names (without the dotted forms, which break path-style and TLS).
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    public LakeConfig {
        checkBucket(RAW_BUCKET, rawBucket);
        checkBucket(WAREHOUSE_BUCKET, warehouseBucket);
        checkBucket(REPORTS_BUCKET, reportsBucket);
        requireNonNull(schemaPrefix, "schemaPrefix is null");
        if (!PREFIX.matcher(schemaPrefix).matches()) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s'. Expected empty, or a lower-case letter followed by up to 30 lower-case"
                            + " letters, digits or underscores (it becomes part of SQL schema names).",
                    SCHEMA_PREFIX, schemaPrefix);
        }
    }

    public static LakeConfig from(Settings settings) {
        return new LakeConfig(
                settings.get(RAW_BUCKET).trim(),
                settings.get(WAREHOUSE_BUCKET).trim(),
                settings.get(REPORTS_BUCKET).trim(),
                settings.get(SCHEMA_PREFIX).trim());
    }

    /** The name of one of the lake's schemas, such as {@code marts}, with the configured prefix. */
    public String schema(String name) {
        return schemaPrefix + name;
    }

    public List<String> buckets() {
        return List.of(rawBucket, warehouseBucket, reportsBucket);
    }

    private static void checkBucket(String key, String value) {
        requireNonNull(value, key + " is null");
        if (!BUCKET.matcher(value).matches()) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s'. Expected an S3 bucket name: 3 to 63 lower-case letters, digits "
                            + "and hyphens, starting and ending with a letter or digit.",
                    key, value);
        }
    }
}
