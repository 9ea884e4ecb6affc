package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import dev.loglake.lake.sql.SqlFile;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lake's views: the ledger's (the one definition of a day's status) and those of the reports schema
 * (sql/views/), which give a BI user the KPIs without joins. The model catalog says which there are and in which
 * order (a view after the views it reads). Each is created with CREATE OR REPLACE VIEW, and only when its file
 * changed: the view's comment ends with the file's name and a version (a hash of the view's SQL and comment), so a
 * schema whose views are current costs no statement beyond the run's one read of the catalog
 * ({@link LakeMetadata}).
 *
 * <p>A view's columns are described in the view's comment, not one COMMENT ON COLUMN each: a view column
 * comment rewrites the whole view in the metastore (about half a second each on a loaded 2-core machine),
 * and CREATE OR REPLACE VIEW drops them again.
 */
final class Views {
    private static final Logger log = LoggerFactory.getLogger(Views.class);

    private final TrinoSession trino;
    private final LakeSchemas schemas;

    Views(TrinoSession trino, LakeSchemas schemas) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
    }

    /**
     * Creates or replaces the views of one folder of sql/ ({@code ledger} or {@code views}) that changed, given the
     * current comments of the layer's schema ({@code schema.table} to comment; {@link LakeMetadata#comments}).
     */
    void createOrReplace(String layer, Map<String, String> current) {
        List<Model> views = ModelCatalog.lake().all(ModelKind.VIEW, layer);
        if (views.isEmpty()) {
            return;
        }
        SqlValue.Identifier schema = schemas.schema(views.get(0).relation().split("\\.")[0]);
        int replaced = 0;
        for (Model view : views) {
            SqlFile sql = view.sql();
            String name = name(view);
            String body = sql.render(schemas.parameters());
            String comment = comment(sql, body);
            if (!comment.equals(current.get(name))) {
                replace(view, name, comment, body);
                replaced++;
            }
        }
        if (replaced > 0) {
            log.info("Created or replaced {} view(s) in schema {}", replaced, schema.name());
        }
    }

    /**
     * Replaces every view of the reports schema that has a day column and reads the marts by its
     * {@link GuardedView}: no query on it reads the {@code days} being rewritten, and one that reaches them fails
     * naming them and the run. The views keep their comment with "being rewritten" added, so that
     * {@link #createOrReplace} restores them afterwards (and so does any later run, if this one is cut off). The
     * views' columns are those the run's read of the catalog found ({@code metadata}); a run changes no view's
     * columns before it ends.
     *
     * @return the guarded views' new comments, by {@code schema.view}
     */
    Map<String, String> guard(SortedSet<LocalDate> days, String runId, LakeMetadata metadata) {
        List<Model> views = ModelCatalog.lake().all(ModelKind.VIEW, "views");
        SqlValue.Identifier schema = schemas.schema(views.get(0).relation().split("\\.")[0]);
        Map<String, List<String>> columns = metadata.columnNames(schema);
        String message = "Day %s is being rewritten by transform run " + runId + " (since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "): late lines, a backfill, a rerun or a day still"
                + " arriving. Its figures are not served until that run ends; query again then.";
        Map<String, String> guarded = new HashMap<>();
        for (Model view : views) {
            String name = name(view);
            List<String> viewColumns = columns.getOrDefault(name, List.of());
            if (!viewColumns.contains("dt") || !readsMarts(view)) {
                continue;
            }
            String body = view.sql().render(schemas.parameters());
            String comment = comment(view.sql(), body) + " Being rewritten: " + days + ".";
            replace(view, name, comment, new GuardedView(body, viewColumns, days, message).sql());
            guarded.put(name, comment);
        }
        log.info(
                "{} view(s) of schema {} hold no figures of day(s) {} until this run ends",
                guarded.size(),
                schema.name(),
                days);
        return guarded;
    }

    /**
     * Whether the view reads a mart, itself or through the views it reads: only the marts' files are replaced while
     * a run rewrites days. A view of the ledger alone (day_status, served_days) reads tables that are only appended
     * to, and must go on saying which days are loading.
     */
    static boolean readsMarts(Model view) {
        ModelCatalog catalog = ModelCatalog.lake();
        return view.reads().stream().anyMatch(relation -> relation.startsWith("marts."))
                || catalog.dependencies(view).stream().anyMatch(Views::readsMarts);
    }

    /** The view's schema-qualified name, as its file's {@code @view} tag renders it. */
    private String name(Model view) {
        return new SqlFile(view.file(), view.sql().tag("view").orElseThrow()).render(schemas.parameters());
    }

    private void replace(Model view, String name, String comment, String body) {
        trino.query(
                view.file(),
                "CREATE OR REPLACE VIEW " + schemas.catalog().render() + "." + name + " COMMENT "
                        + new SqlValue.Text(comment).render() + " AS\n" + body);
    }

    /** What the view is, its grain, what each column means, and where it comes from with its version. */
    static String comment(SqlFile sql, String body) {
        String columns = sql.columnComments().entrySet().stream()
                .map(column -> column.getKey() + ": " + column.getValue())
                .collect(Collectors.joining("; "));
        String described = sql.tableComment().orElse("") + " Columns: " + columns + ".";
        return described + " (loglake sql/" + sql.name() + ", version " + version(body + described) + ")";
    }

    /** A short fingerprint of {@code text}: the first 4 bytes of its SHA-256, in hex. */
    static String version(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
