package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lake's schemas, its raw and ledger tables (the DDL files of sql/raw and sql/ledger) and the ledger's views,
 * created where missing. What exists is read in two queries (the schemas, then every table's comment), so that a
 * current lake costs two statements instead of one CREATE ... IF NOT EXISTS per schema and table.
 *
 * <p>A raw table is external: it only describes folders of the raw bucket, so when its file changes (a new
 * format property, partition projection) it is dropped and created again, and no data moves. Its comment ends
 * with the file and a version to tell. A ledger table holds the ledger itself and is never dropped.
 */
final class LakeTables {
    private static final Logger log = LoggerFactory.getLogger(LakeTables.class);
    private static final Pattern TABLE_COMMENT = Pattern.compile("\\)\\s*COMMENT\\s+'((?:[^']|'')*)'\\s*WITH");

    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final ModelCatalog catalog;

    LakeTables(TrinoSession trino, LakeSchemas schemas, ModelCatalog catalog) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    void ensure(JobRunner jobs) {
        createMissingSchemas();
        List<SqlValue.Identifier> withDdl = List.of(schemas.raw(), schemas.ledger());
        Map<String, String> comments = Views.comments(trino, schemas, withDdl);
        for (String layer : List.of("raw", "ledger")) {
            for (Model ddl : catalog.all(ModelKind.DDL, layer)) {
                ensure(ddl, comments, jobs);
            }
        }
        new Views(trino, schemas).createOrReplace("ledger", comments);
    }

    private void createMissingSchemas() {
        Set<String> existing = new HashSet<>();
        trino.query("schemas", "SELECT schema_name FROM " + schemas.catalog().render() + ".information_schema.schemata")
                .rows()
                .forEach(row -> existing.add((String) row.get(0)));
        schemas.schemaLocations().forEach((schema, location) -> {
            if (!existing.contains(schema.name())) {
                trino.query(
                        "schemas",
                        "CREATE SCHEMA IF NOT EXISTS " + schemas.catalog().render() + "." + schema.render()
                                + " WITH (location = " + new SqlValue.Text(location).render() + ")");
            }
        });
    }

    private void ensure(Model ddl, Map<String, String> comments, JobRunner jobs) {
        String table = schemas.schema(ddl.relation().split("\\.")[0]).name() + "." + ddl.name();
        String rendered = jobs.renderDdl(ddl.file());
        boolean external = rendered.contains("external_location");
        String marker = "(loglake sql/" + ddl.file() + ", version " + Views.version(rendered) + ")";
        String comment = comments.get(table);
        if (comment != null && (!external || comment.endsWith(marker))) {
            return;
        }
        String qualified = schemas.catalog().render() + "." + table;
        if (comment != null) {
            log.info(
                    "The definition of {} changed ({}): dropping the external table and creating it again over the same"
                            + " S3 folder (no data moves)",
                    table,
                    ddl.file());
            trino.query(ddl.file(), "DROP TABLE " + qualified);
        }
        jobs.runDdl(ddl.file());
        if (external) {
            Matcher matcher = TABLE_COMMENT.matcher(rendered);
            String described = matcher.find() ? matcher.group(1).replace("''", "'") + " " : "";
            trino.query(
                    ddl.file(),
                    "COMMENT ON TABLE " + qualified + " IS " + new SqlValue.Text(described + marker).render());
        }
    }
}
