package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.sql.SqlFile;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The comments BI tools show for the lake's tables and columns (Trino's COMMENT ON, which the Hive
 * connector stores in the metastore, partition columns included). Their only source is the header of each
 * table's SQL file ({@code @description}, {@code @grain} and {@code @column} tags): a new table gets them in
 * its CREATE TABLE, and every run puts back any that differ, so an edited description reaches an existing
 * lake. Each COMMENT ON is a metastore round trip, so only differences are written.
 */
final class TableComments {
    private static final Logger log = LoggerFactory.getLogger(TableComments.class);

    private final TrinoSession trino;
    private final LakeSchemas schemas;

    TableComments(TrinoSession trino, LakeSchemas schemas) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
    }

    /**
     * The column list of a CREATE TABLE for the result of {@code sql}'s SELECT, each column with its comment,
     * followed by the table's comment: {@code (a bigint COMMENT '...', ...) COMMENT '...'}.
     */
    static String columnsAndComment(SqlFile sql, List<TrinoSession.Column> columns) {
        Map<String, String> comments = sql.columnComments();
        String list = columns.stream()
                .map(column -> column.name() + " " + column.type()
                        + (comments.containsKey(column.name())
                                ? " COMMENT " + new SqlValue.Text(comments.get(column.name())).render()
                                : ""))
                .collect(Collectors.joining(",\n    ", "(\n    ", "\n)"));
        return list
                + sql.tableComment()
                        .map(comment -> "\nCOMMENT " + new SqlValue.Text(comment).render())
                        .orElse("");
    }

    /**
     * Writes the table and column comments of these model files' tables where the lake's differ, as {@code metadata}
     * (a read of the catalog after the lake's last CREATE TABLE) has them.
     */
    void sync(List<String> files, LakeMetadata metadata) {
        Map<String, String> actual = actualComments(metadata);
        int written = 0;
        for (String file : files) {
            SqlFile sql = SqlFile.load(file);
            String table = tableName(sql);
            if (actual.keySet().stream().noneMatch(key -> key.startsWith(table + "."))) {
                continue; // not created yet
            }
            for (Map.Entry<String, String> column : sql.columnComments().entrySet()) {
                String key = table + "." + column.getKey();
                if (!actual.containsKey(key)) {
                    log.warn("{} describes column {}, which table {} does not have", file, column.getKey(), table);
                } else if (!column.getValue().equals(actual.get(key))) {
                    comment("COLUMN " + qualified(table) + "." + column.getKey(), column.getValue(), file);
                    written++;
                }
            }
            String tableComment = sql.tableComment().orElse("");
            // An INSERT into an unpartitioned table rewrites its parameters, which may lose the comment.
            if (!tableComment.equals(actual.getOrDefault(table + ".", ""))) {
                comment("TABLE " + qualified(table), tableComment, file);
                written++;
            }
        }
        if (written > 0) {
            log.info("Updated {} table and column comment(s) from the SQL files' headers", written);
        }
    }

    /**
     * Every comment of the staging and marts schemas: {@code schema.table.column} to a column's comment, and
     * {@code schema.table.} to the table's (empty when it has none).
     */
    private Map<String, String> actualComments(LakeMetadata metadata) {
        List<String> schemaNames =
                List.of(schemas.staging().name(), schemas.marts().name());
        Map<String, String> comments = new HashMap<>();
        metadata.columns().forEach((table, columns) -> {
            if (schemaNames.contains(table.substring(0, table.indexOf('.')))) {
                columns.forEach(column -> comments.put(table + "." + column.name(), column.comment()));
            }
        });
        metadata.comments().forEach((table, comment) -> {
            if (schemaNames.contains(table.substring(0, table.indexOf('.')))) {
                comments.put(table + ".", comment);
            }
        });
        return comments;
    }

    /** {@code schema.table} of a model file, from its {@code @table} tag. */
    private String tableName(SqlFile sql) {
        String declared = sql.tag("table").orElseThrow();
        return new SqlFile(sql.name(), declared).render(schemas.parameters());
    }

    private void comment(String target, String comment, String file) {
        trino.query(file, "COMMENT ON " + target + " IS " + new SqlValue.Text(comment).render());
    }

    private String qualified(String schemaAndTable) {
        return schemas.catalog().render() + "." + schemaAndTable;
    }
}
