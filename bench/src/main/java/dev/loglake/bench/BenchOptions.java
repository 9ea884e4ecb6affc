package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@code loglake bench} measures and on how much data.
 *
 * @param start the first simulated day
 * @param lakeDays N: the days already in the lake when a new day is loaded (issue #4 asks for 30)
 * @param eventsPerDay simulated requests per day
 * @param runs how many times each figure is measured (the median is reported)
 * @param loadClients concurrent JDBC clients of the load stage
 * @param workDirectory local folder for the raw copies DuckDB reads, its Parquet output and bench.json
 * @param name the bench's own buckets ({@code <name>-raw}, {@code <name>-warehouse}) and schema prefix
 *     ({@code <name>_...}, hyphens as underscores): never a user's lake
 * @param keep leave the bench's buckets, schemas and local files in place for inspection
 * @param scaleDays requests a day of each day of the scale stage, smallest first; empty skips the stage
 */
public record BenchOptions(
        LocalDate start,
        int lakeDays,
        long eventsPerDay,
        int runs,
        int loadClients,
        Path workDirectory,
        String name,
        boolean keep,
        List<Long> scaleDays) {
    /** The role of the lake the incremental, load and reports stages share. */
    public static final String SHARED_ROLE = "lake";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,15}");
    private static final int MAX_SCALE_DAYS = 6;

    public BenchOptions {
        requireNonNull(start, "start is null");
        requireNonNull(workDirectory, "workDirectory is null");
        requireNonNull(name, "name is null");
        require(lakeDays >= 1 && lakeDays <= 365, "--lake-days", lakeDays, "1 to 365");
        require(
                eventsPerDay >= 1000 && eventsPerDay <= 100_000_000,
                "--events-per-day",
                eventsPerDay,
                "1000 to 100000000");
        require(runs >= 1 && runs <= 20, "--runs", runs, "1 to 20");
        require(loadClients >= 1 && loadClients <= 64, "--load-clients", loadClients, "1 to 64");
        scaleDays = List.copyOf(requireNonNull(scaleDays, "scaleDays is null"));
        if (scaleDays.size() > MAX_SCALE_DAYS) {
            throw LoglakeException.user("Invalid --scale %s: expected at most %d sizes.", scaleDays, MAX_SCALE_DAYS);
        }
        for (long requests : scaleDays) {
            require(requests >= 1000 && requests <= 100_000_000, "--scale", requests, "1000 to 100000000 a day");
        }
        if (!NAME.matcher(name).matches()) {
            throw LoglakeException.user(
                    "Invalid --name '%s': expected 3 to 16 lower-case letters, digits or hyphens, starting with a letter"
                            + " (it names the bench's buckets and schemas).",
                    name);
        }
    }

    /** Without a scale stage. */
    public BenchOptions(
            LocalDate start,
            int lakeDays,
            long eventsPerDay,
            int runs,
            int loadClients,
            Path workDirectory,
            String name,
            boolean keep) {
        this(start, lakeDays, eventsPerDay, runs, loadClients, workDirectory, name, keep, List.of());
    }

    /** Days generated: the lake, one new day per run of the incremental stage, and one for the load stage. */
    public int generatedDays() {
        return lakeDays + runs + 1;
    }

    /** The day the load stage loads while the report clients query the lake. */
    public LocalDate loadStageDay() {
        return start.plusDays(lakeDays + runs);
    }

    public String rawBucket() {
        return name + "-raw";
    }

    public String warehouseBucket() {
        return name + "-warehouse";
    }

    /** A schema prefix of the bench's own, such as {@code loglake_bench_lake_}. */
    public String schemaPrefix(String role) {
        return name.replace('-', '_') + "_" + role + "_";
    }

    /** The role of the empty lake of the ETL stage's run {@code run} (1-based). */
    public static String firstDayRole(int run) {
        return "first" + run;
    }

    /** The role of the empty lake of the retry stage's run {@code run} (1-based), loaded with TASK retries. */
    public static String retryRole(int run) {
        return "retry" + run;
    }

    /** Whether the lake of {@code role} is loaded with Trino's fault-tolerant execution (the retry stage's). */
    public static boolean retriesTasks(String role) {
        return role.matches("retry[0-9]+");
    }

    /**
     * The day of the scale stage's size {@code index} (0-based): after the data set's days, one day in two, so that
     * no two sizes share a raw day folder.
     */
    public LocalDate scaleDay(int index) {
        return start.plusDays(generatedDays() + 1 + 2L * index);
    }

    /** The role of the empty lake of the scale stage's size {@code index} (0-based). */
    public static String scaleRole(int index) {
        return "scale" + (index + 1);
    }

    /**
     * The day the formats stage writes format {@code index} (0-based) on: after the data set and the scale days,
     * one day each, so that each format's lake loads only its own lines.
     */
    public LocalDate formatDay(int index) {
        return start.plusDays(generatedDays() + 1 + 2L * scaleDays.size() + index);
    }

    /** The role of the empty lake of the formats stage's format {@code index} (0-based). */
    public static String formatRole(int index) {
        return "format" + (index + 1);
    }

    /**
     * Every role whose lake has schemas: the shared lake, one empty lake per ETL run and retry run, scale size and
     * format.
     */
    public List<String> lakeRoles() {
        List<String> roles = new ArrayList<>();
        roles.add(SHARED_ROLE);
        for (int run = 1; run <= runs; run++) {
            roles.add(firstDayRole(run));
        }
        for (int run = 1; run <= runs; run++) {
            roles.add(retryRole(run));
        }
        for (int index = 0; index < scaleDays.size(); index++) {
            roles.add(scaleRole(index));
        }
        for (int index = 0; index < FormatsStage.formats().size(); index++) {
            roles.add(formatRole(index));
        }
        return List.copyOf(roles);
    }

    /** The schemas of every lake of the bench, given the names of a lake's schemas ({@code raw}, {@code marts}...). */
    public Set<String> schemas(List<String> schemaNames) {
        Set<String> schemas = new TreeSet<>();
        for (String role : lakeRoles()) {
            for (String schema : schemaNames) {
                schemas.add(schemaPrefix(role) + schema);
            }
        }
        return schemas;
    }

    /**
     * Refuses a name whose buckets or schemas are a lake's: the bench empties and deletes its buckets and drops
     * its schemas at the end, so they must be its own. {@code lakes} are the configured lake and the default one
     * (which other commands on the same stack use unless told otherwise).
     *
     * @param schemaNames the names of a lake's schemas without prefix ({@code raw}, {@code marts}...)
     */
    public void requireApartFrom(List<LakeConfig> lakes, List<String> schemaNames) {
        Set<String> benchSchemas = schemas(schemaNames);
        for (LakeConfig lake : lakes) {
            Map<String, String> lakeBuckets = new TreeMap<>(Map.of(
                    LakeConfig.RAW_BUCKET, lake.rawBucket(),
                    LakeConfig.WAREHOUSE_BUCKET, lake.warehouseBucket(),
                    LakeConfig.REPORTS_BUCKET, lake.reportsBucket()));
            for (String bucket : List.of(rawBucket(), warehouseBucket())) {
                for (Map.Entry<String, String> lakeBucket : lakeBuckets.entrySet()) {
                    if (lakeBucket.getValue().equals(bucket)) {
                        throw refused(String.format(
                                "its bucket %s is a lake's bucket (%s = %s)",
                                bucket, lakeBucket.getKey(), lakeBucket.getValue()));
                    }
                }
            }
            for (String schemaName : schemaNames) {
                if (benchSchemas.contains(lake.schema(schemaName))) {
                    throw refused(String.format(
                            "its schema %s is a lake's schema (%s = '%s')",
                            lake.schema(schemaName), LakeConfig.SCHEMA_PREFIX, lake.schemaPrefix()));
                }
            }
        }
    }

    private LoglakeException refused(String why) {
        return LoglakeException.user(
                "Refusing --name '%s': %s. The bench empties and deletes its buckets and drops its schemas when it"
                        + " ends, so they must be its own: choose another --name (the default is 'loglake-bench').",
                name, why);
    }

    private static void require(boolean valid, String option, long value, String expected) {
        if (!valid) {
            throw LoglakeException.user("Invalid %s %d: expected %s.", option, value, expected);
        }
    }
}
