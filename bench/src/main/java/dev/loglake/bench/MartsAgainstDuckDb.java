package dev.loglake.bench;

import dev.loglake.generator.store.S3ObjectStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The bench's DuckDB peer held to a loaded lake outside the bench: the raw objects of the given arrival days
 * copied to local disk, parsed by {@link DuckDbEtl}, every mart computed by {@link DuckDbMarts}, and the figures
 * compared with the lake's marts. The integration suite runs it on a lake it checked against the generator's
 * manifest, so a change to a mart of sql/marts that its DuckDB port does not follow fails there, not first in a
 * bench run.
 */
public final class MartsAgainstDuckDb {
    private MartsAgainstDuckDb() {}

    /**
     * Every difference between DuckDB's marts and the lake's (empty: they agree).
     *
     * @param raw the lake's raw bucket (the default site's combined-format objects, and the IP blocks)
     * @param trino runs a query on Trino and returns its rows
     * @param lakeMart the lake's table of a mart, such as {@code hive.it_marts.daily_traffic}
     */
    public static List<String> differences(
            S3ObjectStore raw,
            List<LocalDate> arrivalDays,
            int latenessDays,
            Path work,
            Function<String, List<List<Object>>> trino,
            Function<String, String> lakeMart) {
        Path rawCopy = work.resolve("raw");
        RawCopy.arrivalDays(raw, arrivalDays, rawCopy.resolve("access"));
        Path ipBlocks = RawCopy.ipBlocks(raw, rawCopy);
        int threads = Runtime.getRuntime().availableProcessors();
        Path output = work.resolve("duckdb");
        new DuckDbEtl(rawCopy.resolve("access"), ipBlocks, threads, latenessDays).run(output);
        DuckDbMarts marts = DuckDbMarts.ofLake(threads);
        marts.run(output.resolve("fact"), output.resolve("marts"));
        return MartFigures.differences(marts.figures(trino, lakeMart), marts.figures(output.resolve("marts")));
    }
}
