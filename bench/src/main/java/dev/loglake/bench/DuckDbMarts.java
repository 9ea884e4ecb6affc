package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.RawLayout;
import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import dev.loglake.lake.sql.ResultRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rest of the whole transform for the DuckDB peer: every mart of the lake but the facts (which {@link DuckDbEtl}
 * writes), each computed by its port ({@link MartPort}) from the DuckDB fact Parquet files and written as ZSTD
 * Parquet partitioned by day, as the lake writes its marts. The marts run in the lake's order (a mart after the
 * marts it reads), so a mart the lake adds without a port stops the bench, naming it.
 */
final class DuckDbMarts {
    private final List<MartPort> ports;
    private final int threads;

    DuckDbMarts(List<MartPort> ports, int threads) {
        this.ports = List.copyOf(requireNonNull(ports, "ports is null"));
        this.threads = threads;
    }

    /**
     * The ports of every mart of the lake's sql/marts/ that the access logs alone make, in the order the lake builds
     * them. A mart that joins another database ({@code @requires_catalog}, such as the shop's conversions) has no
     * port: the peer reads the same raw objects and nothing else, and the bench's lakes have no such catalog, so
     * loglake skips it there too.
     */
    static DuckDbMarts ofLake(int threads) {
        List<String> marts = ModelCatalog.lake().all(ModelKind.MODEL, "marts").stream()
                .filter(model -> !model.readsOtherCatalog())
                .map(Model::name)
                .toList();
        return new DuckDbMarts(
                MartPort.portedMarts(marts).stream().map(MartPort::of).toList(), threads);
    }

    /** How long computing and writing every mart took, and the rows of each. */
    record Run(double seconds, Map<String, Long> rows) {
        Run {
            rows = Map.copyOf(rows);
        }
    }

    List<String> marts() {
        return ports.stream().map(MartPort::mart).toList();
    }

    /** Computes every mart from the fact files under {@code factDirectory} into {@code output}/&lt;mart&gt;/dt=.../. */
    Run run(Path factDirectory, Path output) {
        long started = System.nanoTime();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            DuckDbEtl.configure(sql, threads);
            sql.execute(MartPort.fill(
                    "facts.sql",
                    Map.of(
                            "site", DuckDbEtl.literal(RawLayout.DEFAULT_SITE),
                            "fact_files",
                                    DuckDbEtl.literal(
                                            factDirectory.resolve("**").resolve("*.parquet")))));
            Files.createDirectories(output);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (MartPort port : ports) {
                sql.execute("CREATE TEMP TABLE " + port.mart() + " AS " + port.select());
                rows.put(port.mart(), (long) sql.executeUpdate("COPY " + port.mart() + " TO "
                        + DuckDbEtl.literal(output.resolve(port.mart()))
                        + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), OVERWRITE_OR_IGNORE)"));
            }
            return new Run((System.nanoTime() - started) / 1e9, rows);
        } catch (SQLException | java.io.IOException e) {
            throw LoglakeException.external(
                    "DuckDB failed computing the marts from " + factDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The figures of each mart DuckDB wrote under {@code output} (by {@link #run}). */
    Map<String, MartFigures> figures(Path output) {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            return figures(
                    query -> rows(sql, query),
                    mart -> "read_parquet("
                            + DuckDbEtl.literal(
                                    output.resolve(mart).resolve("**").resolve("*.parquet"))
                            + ", hive_partitioning = true)");
        } catch (SQLException e) {
            throw LoglakeException.external("DuckDB cannot read its marts in " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * The figures of each mart, read with {@code rows} (a query on any engine) from the table {@code table} names
     * for each mart: the lake's through Trino, DuckDB's Parquet files.
     */
    Map<String, MartFigures> figures(Function<String, List<List<Object>>> rows, Function<String, String> table) {
        Map<String, MartFigures> figures = new LinkedHashMap<>();
        for (MartPort port : ports) {
            List<String> columns = new ArrayList<>();
            columns.add("dt");
            columns.add("row_count");
            columns.addAll(port.figures().keySet());
            figures.put(
                    port.mart(),
                    MartFigures.of(port.mart(), columns, rows.apply(port.figuresQuery(table.apply(port.mart())))));
        }
        return figures;
    }

    private static List<List<Object>> rows(Statement sql, String query) {
        try (ResultSet result = sql.executeQuery(query)) {
            return ResultRows.of(result);
        } catch (SQLException e) {
            throw LoglakeException.external("DuckDB query failed: " + e.getMessage() + " (" + query + ")", e);
        }
    }
}
