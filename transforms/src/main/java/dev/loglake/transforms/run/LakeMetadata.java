package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a run needs to know of the catalog before it writes, read in one query instead of eight: which of the lake's
 * schemas exist, whether Trino has the shop's catalog, the comment of every table and view of the lake's schemas
 * (which also says which exist), and the columns, in order and with their comments, of every table and view of
 * the staging, marts and reports schemas. Each question was a statement of its own, paying Trino's fixed cost.
 *
 * <p>It is the catalog as the run began. The run holds the writer lease, so nothing else changes the lake's tables
 * meanwhile; what the run itself changes (tables it creates, views it guards) its own code keeps track of.
 *
 * @param schemas the lake's schemas that exist
 * @param catalogs the other catalogs asked about that Trino has
 * @param comments every table's and view's comment, by {@code schema.table} (empty when it has none)
 * @param columns the columns of the staging, marts and reports tables and views, by {@code schema.table}, in order
 */
record LakeMetadata(
        Set<String> schemas, Set<String> catalogs, Map<String, String> comments, Map<String, List<Column>> columns) {

    /** A column and its comment (empty when it has none). */
    record Column(String name, String comment) {
        Column {
            requireNonNull(name, "name is null");
            requireNonNull(comment, "comment is null");
        }
    }

    LakeMetadata {
        schemas = Set.copyOf(schemas);
        catalogs = Set.copyOf(catalogs);
        comments = Map.copyOf(comments);
        columns = Map.copyOf(columns);
    }

    /** Reads it; {@code otherCatalog} is a catalog whose presence the run needs to know (the shop's). */
    static LakeMetadata read(TrinoSession trino, LakeSchemas lake, String otherCatalog) {
        Set<String> schemas = new HashSet<>();
        Set<String> catalogs = new HashSet<>();
        Map<String, String> comments = new HashMap<>();
        Map<String, Map<Integer, Column>> columns = new HashMap<>();
        for (List<Object> row :
                trino.query("catalog", query(lake, otherCatalog)).rows()) {
            String kind = (String) row.get(0);
            String table = row.get(1) + "." + row.get(2);
            String text = Objects.toString(row.get(4), "");
            switch (kind) {
                case "schema" -> schemas.add((String) row.get(1));
                case "catalog" -> catalogs.add((String) row.get(1));
                case "table" -> comments.put(table, text);
                case "column" -> columns.computeIfAbsent(table, key -> new TreeMap<>())
                        .put(((Number) row.get(5)).intValue(), new Column((String) row.get(3), text));
                default -> throw new IllegalStateException("unexpected row kind " + kind);
            }
        }
        Map<String, List<Column>> ordered = new HashMap<>();
        columns.forEach((table, byPosition) -> ordered.put(table, List.copyOf(byPosition.values())));
        return new LakeMetadata(schemas, catalogs, comments, ordered);
    }

    /** The same, with these comments ({@code schema.table} to comment) in place of those read: what the run changed. */
    LakeMetadata withComments(Map<String, String> changed) {
        Map<String, String> merged = new HashMap<>(comments);
        merged.putAll(changed);
        return new LakeMetadata(schemas, catalogs, merged, columns);
    }

    /** The tables and views of a schema. */
    Set<String> tables(SqlValue.Identifier schema) {
        String prefix = schema.name() + ".";
        return comments.keySet().stream()
                .filter(table -> table.startsWith(prefix))
                .map(table -> table.substring(prefix.length()))
                .collect(Collectors.toSet());
    }

    /** The column names of each table and view of a schema, by {@code schema.table}, in order. */
    Map<String, List<String>> columnNames(SqlValue.Identifier schema) {
        Map<String, List<String>> names = new HashMap<>();
        columns.forEach((table, list) -> {
            if (table.startsWith(schema.name() + ".")) {
                names.put(table, list.stream().map(Column::name).toList());
            }
        });
        return names;
    }

    /**
     * One row per fact: {@code kind, schema, table, column, comment, position}. The tables' comments come from
     * system.metadata.table_comments, the columns from system.jdbc.columns (views included).
     */
    static String query(LakeSchemas lake, String otherCatalog) {
        String catalog = new SqlValue.Text(lake.catalog().name()).render();
        String all = inList(List.of(lake.raw(), lake.staging(), lake.marts(), lake.ledger(), lake.reports()));
        String described = inList(List.of(lake.staging(), lake.marts(), lake.reports()));
        List<String> parts = new ArrayList<>();
        parts.add("SELECT 'schema' AS kind, schema_name, '' AS table_name, '' AS column_name, '' AS comment,"
                + " 0 AS position FROM " + lake.catalog().render() + ".information_schema.schemata WHERE schema_name"
                + " IN " + all);
        parts.add("SELECT 'catalog', catalog_name, '', '', '', 0 FROM system.metadata.catalogs WHERE catalog_name = "
                + new SqlValue.Text(otherCatalog).render());
        parts.add("SELECT 'table', schema_name, table_name, '', comment, 0 FROM system.metadata.table_comments"
                + " WHERE catalog_name = " + catalog + " AND schema_name IN " + all);
        parts.add("SELECT 'column', table_schem, table_name, column_name, remarks, ordinal_position FROM"
                + " system.jdbc.columns WHERE table_cat = " + catalog + " AND table_schem IN " + described);
        return String.join("\nUNION ALL\n", parts);
    }

    private static String inList(List<SqlValue.Identifier> schemas) {
        return schemas.stream()
                .map(schema -> new SqlValue.Text(schema.name()).render())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
