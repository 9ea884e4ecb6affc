package dev.loglake.lake.model;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.sql.SqlFile;
import java.util.Optional;
import java.util.Set;

/**
 * One SQL file of the lake, as the model catalog sees it: what kind of thing it defines, the relation it defines
 * ({@code marts.fact_requests}: the layer of its schema parameter and its name), and the relations it reads.
 *
 * @param file the file's path under sql/, such as {@code marts/fact_requests.sql}
 * @param relation the relation the file defines, {@code <layer>.<name>}; for a query or a check, its file name
 * @param reads the relations the file reads, {@code <layer>.<name>}, from its {@code {{catalog}}.{{x_schema}}.name}
 *     references and its {@code @depends_on} tags
 */
public record Model(String file, ModelKind kind, String relation, Set<String> reads, SqlFile sql) {
    /** The header tag of a model that reads a catalog besides the lake's. */
    public static final String REQUIRES_CATALOG = "requires_catalog";

    public Model {
        requireNonNull(file, "file is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(relation, "relation is null");
        reads = Set.copyOf(requireNonNull(reads, "reads is null"));
        requireNonNull(sql, "sql is null");
    }

    /** The folder under sql/ the file is in: raw, staging, marts, ledger, views or reports. */
    public String layer() {
        return file.substring(0, file.indexOf('/'));
    }

    /** The relation's name without its layer, such as {@code fact_requests}. */
    public String name() {
        return relation.substring(relation.indexOf('.') + 1);
    }

    /**
     * Whether the model joins a catalog besides the lake's (header tag {@code @requires_catalog}, such as the shop's
     * conversions): the transform builds it only while Trino has that catalog, and the bench's DuckDB peer, which
     * reads the raw logs alone, has no port of it.
     */
    public boolean readsOtherCatalog() {
        return sql.tag(REQUIRES_CATALOG).isPresent();
    }

    /** The partition column of a model's table, if it is partitioned. */
    public Optional<String> partitionColumn() {
        return sql.partitionColumn();
    }

    @Override
    public String toString() {
        return file;
    }
}
