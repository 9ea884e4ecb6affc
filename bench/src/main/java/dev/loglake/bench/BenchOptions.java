package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.nio.file.Path;
import java.time.LocalDate;
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
 */
public record BenchOptions(
        LocalDate start,
        int lakeDays,
        long eventsPerDay,
        int runs,
        int loadClients,
        Path workDirectory,
        String name,
        boolean keep) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,15}");

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
        if (!NAME.matcher(name).matches()) {
            throw LoglakeException.user(
                    "Invalid --name '%s': expected 3 to 16 lower-case letters, digits or hyphens, starting with a letter"
                            + " (it names the bench's buckets and schemas).",
                    name);
        }
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

    private static void require(boolean valid, String option, long value, String expected) {
        if (!valid) {
            throw LoglakeException.user("Invalid %s %d: expected %s.", option, value, expected);
        }
    }
}
