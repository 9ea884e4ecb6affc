package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.SqlFile;
import dev.loglake.lake.sql.SqlValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses to load into a lake whose staging or mart tables lack a column their SQL files now write (the
 * {@code site} column of a lake built before sites, for one). A load INSERTs by position into the table as it
 * was created, so such a table would fail the run halfway with Trino's column-count error, after the days were
 * marked loading. Checked before anything is written, from the run's read of the catalog; the error names each
 * table, the missing columns and the fix: the tables are rebuilt from the raw logs, which the lake keeps.
 */
final class ModelColumns {
    private final LakeSchemas schemas;

    ModelColumns(LakeSchemas schemas) {
        this.schemas = requireNonNull(schemas, "schemas is null");
    }

    /**
     * Throws a user error naming every table of {@code files} that exists without all of its file's columns, as the
     * run's read of the catalog found them.
     */
    void requireCurrent(List<String> files, LakeMetadata metadata) {
        Map<String, Set<String>> actual = new HashMap<>();
        for (SqlValue.Identifier schema : List.of(schemas.staging(), schemas.marts())) {
            metadata.columnNames(schema).forEach((table, names) -> actual.put(table, Set.copyOf(names)));
        }
        List<String> outdated = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        for (String file : files) {
            SqlFile sql = SqlFile.load(file);
            String table = tableName(sql);
            Set<String> columns = actual.get(table);
            if (columns == null) {
                continue; // created by its first load, with every column
            }
            Set<String> missing = new LinkedHashSet<>(sql.columnComments().keySet());
            missing.removeAll(columns);
            if (!missing.isEmpty()) {
                outdated.add(schemas.catalog().name() + "." + table + " lacks " + String.join(", ", missing) + " ("
                        + file + ")");
                drops.add("DROP TABLE " + schemas.catalog().name() + "." + table + ";");
            }
        }
        if (!outdated.isEmpty()) {
            throw LoglakeException.user(
                    "The lake's tables were created by an earlier loglake and lack columns their SQL files now write:"
                            + " %s. Nothing was loaded. Rebuild them from the raw logs, which the lake keeps: drop them"
                            + " in Trino (%s), then load every raw day again with './loglake transform --from FIRST"
                            + " --to LAST' (the lake's first and last raw days).",
                    String.join("; ", outdated), String.join(" ", drops));
        }
    }

    private String tableName(SqlFile sql) {
        String declared = sql.tag("table")
                .orElseThrow(() -> LoglakeException.internal("SQL file " + sql.name() + " has no @table tag", null));
        return new SqlFile(sql.name(), declared).render(schemas.parameters());
    }
}
