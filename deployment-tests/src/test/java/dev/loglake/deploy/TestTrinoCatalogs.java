package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogs Trino gets on EKS: the chart's defaults with k8s/trino/values.yaml merged over them, as Helm merges. */
class TestTrinoCatalogs {
    private static final String VALUES = "k8s/trino/values.yaml";

    /** The chart's default tpch and tpcds catalogs serve generated data to anyone signed in: issue #12 removes them. */
    @Test
    void theLakesHiveCatalogIsTheOnlyOneInstalled() {
        Map<String, Object> defaults = TestTrinoHelmValues.chartValues();
        Map<String, Object> values = Yaml.map(RepositoryFiles.read(VALUES), VALUES);

        assertThat(Yaml.child(defaults, "catalogs"))
                .as("the pinned chart's default catalogs, which a map of our own would keep")
                .containsKeys("tpch", "tpcds");
        assertThat(Yaml.child(HelmValues.coalesce(defaults, values), "catalogs"))
                .as("catalogs Helm installs from %s over the chart's defaults", VALUES)
                .containsOnlyKeys("hive");
    }

    @Test
    void helmMergesMapsReplacesOtherValuesAndDeletesKeysSetToNull() {
        Map<String, Object> defaults = Yaml.map(
                """
                catalogs: {tpch: a, tpcds: b}
                server: {workers: 2, config: {path: /etc}}
                ingress: {hosts: [one]}
                """,
                "defaults.yaml");
        Map<String, Object> values = Yaml.map(
                """
                catalogs: {hive: c, tpch: null}
                server: {workers: 3}
                ingress: {hosts: [two]}
                """,
                "values.yaml");

        assertThat(HelmValues.coalesce(defaults, values))
                .isEqualTo(Yaml.map(
                        """
                        catalogs: {tpcds: b, hive: c}
                        server: {workers: 3, config: {path: /etc}}
                        ingress: {hosts: [two]}
                        """,
                        "expected.yaml"));
    }
}
