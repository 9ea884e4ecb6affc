package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.model.DataTest;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.sql.SqlFile;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the data tests of a layer of the lake after a load (see {@link DataTest}): the generic tests its models
 * declare and its {@code .check.sql} files, merged into one statement, so that a layer's checks cost one
 * statement, not one each. A test that finds problems fails the run, naming the file, the test, the partition and
 * the problem.
 */
final class LayerChecks {
    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final ModelCatalog catalog;

    LayerChecks(TrinoSession trino, LakeSchemas schemas, ModelCatalog catalog) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** Runs the tests of {@code layer} over the partitions of {@code values}' from_date to to_date. */
    void run(String layer, String partitions, Map<String, SqlValue> values) {
        run(layer, partitions, values, Set.of());
    }

    /** As above, without the tests of the models this run skipped (their tables may not exist). */
    void run(String layer, String partitions, Map<String, SqlValue> values, Set<String> skippedFiles) {
        List<DataTest> tests = catalog.tests(layer).stream()
                .filter(test -> !skippedFiles.contains(test.source()))
                .toList();
        if (tests.isEmpty()) {
            return;
        }
        String statement = tests.stream()
                .map(test -> "SELECT " + new SqlValue.Text(test.source()).render() + " AS source, "
                        + new SqlValue.Text(test.name()).render() + " AS test, partition, problem FROM (\n"
                        + render(test, values) + "\n)")
                .collect(Collectors.joining("\nUNION ALL\n"));
        List<String> problems = new ArrayList<>();
        for (List<Object> row : trino.query("checks of " + layer, statement + "\nORDER BY 1, 2, 3")
                .rows()) {
            problems.add(String.format("%s %s [%s]: %s", row.get(0), row.get(1), row.get(2), row.get(3)));
        }
        if (!problems.isEmpty()) {
            throw LoglakeException.external(
                    "Check failed in %s for %s:%n  %s%nThe affected days are marked failed; reports will not show"
                            + " them. Rerun 'loglake transform' for those days once the cause is fixed.",
                    layer, partitions, String.join(System.lineSeparator() + "  ", problems));
        }
    }

    private String render(DataTest test, Map<String, SqlValue> values) {
        SqlFile sql = new SqlFile(test.source(), test.sql());
        Map<String, SqlValue> all = new HashMap<>(schemas.parameters());
        all.putAll(values);
        all.keySet().retainAll(sql.parameters());
        return sql.render(all);
    }
}
