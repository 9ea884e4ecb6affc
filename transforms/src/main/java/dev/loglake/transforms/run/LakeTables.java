package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lake's schemas, its raw and ledger tables (the DDL files of sql/raw and sql/ledger) and the ledger's views,
 * created where missing. What exists comes from the run's one read of the catalog ({@link LakeMetadata}: the
 * schemas, and every table's comment, which lists the tables too), so that a current lake costs no statement
 * instead of one CREATE ... IF NOT EXISTS per schema and table.
 */
final class LakeTables {

    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final ModelCatalog catalog;

    LakeTables(TrinoSession trino, LakeSchemas schemas, ModelCatalog catalog) {
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    void ensure(JobRunner jobs, LakeMetadata metadata) {
        createMissingSchemas(metadata.schemas());
        Map<String, String> comments = metadata.comments();
        for (String layer : List.of("raw", "ledger")) {
            for (Model ddl : catalog.all(ModelKind.DDL, layer)) {
                ensure(ddl, comments, jobs);
            }
        }
        new Views(trino, schemas).createOrReplace("ledger", comments);
    }

    private void createMissingSchemas(Set<String> existing) {
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
        if (!comments.containsKey(table)) {
            jobs.runDdl(ddl.file());
        }
    }
}
