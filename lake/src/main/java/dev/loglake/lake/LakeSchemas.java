package dev.loglake.lake;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.sql.SqlValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog and the lake's schemas (reports holds the views for BI tools), validated as identifiers, and the S3 locations the SQL needs. */
public record LakeSchemas(
        SqlValue.Identifier catalog,
        SqlValue.Identifier raw,
        SqlValue.Identifier staging,
        SqlValue.Identifier marts,
        SqlValue.Identifier ledger,
        SqlValue.Identifier reports,
        LakeConfig lake) {
    public LakeSchemas {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(raw, "raw is null");
        requireNonNull(staging, "staging is null");
        requireNonNull(marts, "marts is null");
        requireNonNull(ledger, "ledger is null");
        requireNonNull(reports, "reports is null");
        requireNonNull(lake, "lake is null");
    }

    public static LakeSchemas of(String catalog, LakeConfig lake) {
        return new LakeSchemas(
                new SqlValue.Identifier(catalog),
                new SqlValue.Identifier(lake.schema("raw")),
                new SqlValue.Identifier(lake.schema("staging")),
                new SqlValue.Identifier(lake.schema("marts")),
                new SqlValue.Identifier(lake.schema("ledger")),
                new SqlValue.Identifier(lake.schema("reports")),
                lake);
    }

    /** The prefix of the raw access logs of every format in the raw bucket: access/&lt;format&gt;/... */
    public static final String RAW_ACCESS_PREFIX = RawLayout.ACCESS_PREFIX;

    /** The parameters every SQL file may use: the catalog, the schemas, the raw locations and the formats' parses. */
    public Map<String, SqlValue> parameters() {
        Map<String, SqlValue> parameters = new LinkedHashMap<>();
        parameters.put("catalog", catalog);
        parameters.put("raw_schema", raw);
        parameters.put("staging_schema", staging);
        parameters.put("marts_schema", marts);
        parameters.put("ledger_schema", ledger);
        parameters.put("reports_schema", reports);
        parameters.put("raw_location", new SqlValue.Text("s3://" + lake.rawBucket() + "/" + RAW_ACCESS_PREFIX));
        parameters.put(
                "formats",
                new SqlValue.UnionAll(ModelCatalog.lake().formats().values().stream()
                        .map(format -> format.sql().render(Map.of()))
                        .toList()));
        // No source read in place lies flat in one folder: the transforms bind the one of the days they read.
        parameters.put("raw_object_filter", new SqlValue.RawObjectFilter(List.of()));
        parameters.put(
                "ip_blocks_location", new SqlValue.Text("s3://" + lake.rawBucket() + "/" + RawLayout.IP_BLOCKS_PREFIX));
        return parameters;
    }

    /** The schema of a layer of the lake: raw, staging, marts, ledger or reports. */
    public SqlValue.Identifier schema(String layer) {
        return switch (layer) {
            case "raw" -> raw;
            case "staging" -> staging;
            case "marts" -> marts;
            case "ledger" -> ledger;
            case "reports" -> reports;
            default -> throw new IllegalArgumentException("No schema for layer " + layer);
        };
    }

    /** A table's qualified name, {@code catalog.schema.name}. */
    public String table(SqlValue.Identifier schema, String name) {
        return catalog.render() + "." + schema.render() + "." + name;
    }

    /** Each schema with the warehouse folder it lives in. */
    public Map<SqlValue.Identifier, String> schemaLocations() {
        Map<SqlValue.Identifier, String> locations = new LinkedHashMap<>();
        for (SqlValue.Identifier schema : List.of(raw, staging, marts, ledger, reports)) {
            locations.put(schema, "s3://" + lake.warehouseBucket() + "/" + schema.name());
        }
        return locations;
    }

    /**
     * The folder (key prefix) of a table of the lake in the warehouse bucket, such as {@code marts/fact_requests/}:
     * Trino's Hive connector creates a table at {@code <schema location>/<table>}, and a partition at {@code
     * <column>=<value>/} under it.
     */
    public String tableFolder(SqlValue.Identifier schema, String table) {
        return schema.name() + "/" + table + "/";
    }
}
