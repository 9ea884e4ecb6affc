package dev.loglake.transforms.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.transforms.run.OrphanPartitionFiles.Partition;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestOrphanPartitionFiles {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Partition FACTS = new Partition("marts.fact_requests", "marts/fact_requests/", "dt", DAY);

    @Test
    void aPartitionsFolderIsItsColumnAndValueInTheTablesFolder() {
        assertThat(FACTS.folder()).isEqualTo("marts/fact_requests/dt=2026-11-02/");
        assertThat(new Partition("staging.parsed_lines", "staging/parsed_lines/", "arrival_dt", DAY).folder())
                .isEqualTo("staging/parsed_lines/arrival_dt=2026-11-02/");
    }

    @Test
    void aTablesFolderIsItsSchemasLocationAndItsName() {
        LakeSchemas schemas = LakeSchemas.of("hive", new LakeConfig("raw", "warehouse", "reports", "it_x_"));

        assertThat(schemas.tableFolder(schemas.marts(), "fact_requests")).isEqualTo("it_x_marts/fact_requests/");
        assertThat(schemas.schemaLocations().get(schemas.marts()) + "/fact_requests/")
                .isEqualTo("s3://warehouse/" + schemas.tableFolder(schemas.marts(), "fact_requests"));
    }

    @Test
    void theLocalServersFolderKeysAreNotFiles() {
        assertThat(OrphanPartitionFiles.files(List.of(
                        "marts/fact_requests/dt=2026-11-02/",
                        "marts/fact_requests/dt=2026-11-02/20261102_010203_00001_abcde_0a1b",
                        "marts/fact_requests/dt=2026-11-02/.trino-temp/")))
                .containsExactly("marts/fact_requests/dt=2026-11-02/20261102_010203_00001_abcde_0a1b");
        assertThat(OrphanPartitionFiles.files(List.of("marts/fact_requests/dt=2026-11-02/")))
                .isEmpty();
    }

    @Test
    void onlyTheFilesOfPartitionsTheMetastoreDoesNotKnowAreOrphans() {
        Partition known = new Partition("marts.fact_requests", "marts/fact_requests/", "dt", DAY.minusDays(1));
        Partition sameDayOtherTable = new Partition("marts.sessions", "marts/sessions/", "dt", DAY);
        Map<Partition, List<String>> found = new LinkedHashMap<>();
        found.put(known, List.of("a"));
        found.put(FACTS, List.of("b", "c"));
        found.put(sameDayOtherTable, List.of("d"));

        assertThat(OrphanPartitionFiles.orphans(found, Set.of(known, sameDayOtherTable)))
                .containsExactly(Map.entry(FACTS, List.of("b", "c")));
        assertThat(OrphanPartitionFiles.orphans(found, Set.of())).isEqualTo(found);
        assertThat(found).hasSize(3);
    }

    @Test
    void theLogSaysWhatWasRemovedWhereAndWhy() {
        assertThat(OrphanPartitionFiles.describe(FACTS, 3, "warehouse"))
                .isEqualTo("Removed 3 orphan files of marts.fact_requests dt=2026-11-02"
                        + " (s3://warehouse/marts/fact_requests/dt=2026-11-02/), left by a run that was cut off: the"
                        + " metastore never registered that partition, and Trino would have read those files beside"
                        + " the ones written now");
        assertThat(OrphanPartitionFiles.describe(FACTS, 1, "warehouse")).startsWith("Removed 1 orphan file of ");
    }

    @Test
    void oneQueryAsksForTheRegisteredPartitionsOfEveryTable() {
        Map<String, List<Partition>> byTable = new LinkedHashMap<>();
        byTable.put(
                "hive.marts.fact_requests",
                List.of(FACTS, new Partition("marts.fact_requests", "marts/fact_requests/", "dt", DAY.plusDays(1))));
        byTable.put(
                "hive.staging.parsed_lines",
                List.of(new Partition("staging.parsed_lines", "staging/parsed_lines/", "arrival_dt", DAY)));

        assertThat(OrphanPartitionFiles.registeredPartitionsQuery(byTable))
                .isEqualTo("SELECT 'hive.marts.fact_requests', CAST(dt AS varchar) FROM"
                        + " hive.marts.\"fact_requests$partitions\" WHERE dt IN (DATE '2026-11-02', DATE '2026-11-03')"
                        + "\nUNION ALL\n"
                        + "SELECT 'hive.staging.parsed_lines', CAST(arrival_dt AS varchar) FROM"
                        + " hive.staging.\"parsed_lines$partitions\" WHERE arrival_dt IN (DATE '2026-11-02')");
    }
}
