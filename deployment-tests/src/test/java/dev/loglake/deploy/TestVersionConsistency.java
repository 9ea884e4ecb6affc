package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The component versions agree with the root pom.xml, their single source. */
class TestVersionConsistency {
    @Test
    void metastoreImageBuildsTheMetastoreVersionOfThePom() {
        List<String> defaults =
                DockerfileLinter.instructions(RepositoryFiles.read("hive-metastore/docker/Dockerfile")).stream()
                        .filter(instruction -> instruction.keyword().equals("ARG"))
                        .map(DockerfileLinter.Instruction::arguments)
                        .filter(arguments -> arguments.startsWith("HIVE_METASTORE_VERSION="))
                        .map(arguments -> arguments.substring("HIVE_METASTORE_VERSION=".length()))
                        .toList();

        assertThat(defaults).isNotEmpty().containsOnly(RootPomVersions.get("hive-metastore.version"));
    }

    @Test
    void trinoImageTagAndChartAppVersionAreTheTrinoVersionOfThePom() {
        String trino = RootPomVersions.get("trino.version");
        Map<String, Object> values = Yaml.map(RepositoryFiles.read("k8s/trino/values.yaml"), "values.yaml");
        Map<String, Object> chart = Yaml.map(RepositoryFiles.read("k8s/trino/chart-pin.yaml"), "chart-pin.yaml");

        assertThat(Yaml.child(values, "image")).containsEntry("tag", trino);
        assertThat(chart).containsEntry("appVersion", trino).containsEntry("chart", "trino");
        assertThat(String.valueOf(chart.get("version"))).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(RepositoryFiles.read("terraform/cluster-config/main.tf"))
                .as("cluster-config installs the chart version of chart-pin.yaml")
                .contains("k8s_dir}/trino/chart-pin.yaml")
                .contains("version    = local.trino_chart.version");
    }

    @Test
    void rdsRunsThePostgresMajorVersionOfThePom() {
        String pomMajor = RootPomVersions.get("postgresql.version").split("\\.")[0];
        Map<String, Object> variable = TerraformRoot.attributes(
                TerraformRoot.load("terraform/cloud-infra").blocks("variable").get("postgres_engine_version"));

        assertThat(String.valueOf(variable.get("default")).split("\\.")[0]).isEqualTo(pomMajor);
        assertThat(TerraformRoot.load("terraform/cloud-infra").resources("aws_db_instance"))
                .hasEntrySatisfying("metastore", db -> assertThat(db).containsEntry("engine", "postgres"));
    }

    @Test
    void exampleImageTagsStartWithTheMetastoreVersion() {
        String metastore = RootPomVersions.get("hive-metastore.version");

        assertThat(RepositoryFiles.read("k8s/kustomization.yaml")).contains("newTag: " + metastore + "-");
        assertThat(RepositoryFiles.read("terraform/cluster-config/terraform.tfvars.example"))
                .contains("loglake/hive-metastore:" + metastore + "-");
    }
}
