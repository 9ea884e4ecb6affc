package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The CLI's environment on Kubernetes uses real configuration keys, the same in k8s/ and Terraform. */
class TestLoglakeConfig {
    /**
     * The CLI's configuration keys (core's ConfigRegistry). Listed here rather than read from core so that
     * this module builds alone; the CLI rejects unknown LOGLAKE_* variables at start-up, so a drift shows
     * there too.
     */
    private static final List<String> KEYS = List.of(
            "trino.url",
            "trino.user",
            "trino.password",
            "trino.catalog",
            "s3.endpoint",
            "s3.region",
            "s3.access-key",
            "s3.secret-key",
            "s3.path-style-access",
            "lake.raw-bucket",
            "lake.warehouse-bucket",
            "lake.reports-bucket",
            "transform.retry-policy",
            "generate.events-per-day");

    private static final Set<String> SECRET_KEYS = Set.of("trino.password", "s3.access-key", "s3.secret-key");

    @Test
    void environmentVariableNamesFollowTheKeys() {
        assertThat(variable("lake.raw-bucket")).isEqualTo("LOGLAKE_LAKE_RAW_BUCKET");
        assertThat(variable("s3.path-style-access")).isEqualTo("LOGLAKE_S3_PATH_STYLE_ACCESS");
    }

    @Test
    void configMapHoldsOnlyNonSecretKeysAndTerraformWritesTheSameOnes() {
        Set<String> allowed = KEYS.stream()
                .filter(key -> !SECRET_KEYS.contains(key))
                .map(TestLoglakeConfig::variable)
                .collect(Collectors.toSet());
        Map<String, String> manifest = configMap("loglake-config").getData();
        Map<String, Object> terraform = TerraformRoot.attributes(TerraformRoot.load("terraform/cluster-config")
                .resources("kubernetes_config_map_v1")
                .get("loglake")
                .get("data"));

        assertThat(allowed).containsAll(manifest.keySet());
        assertThat(manifest)
                .containsKeys(
                        "LOGLAKE_TRINO_URL",
                        "LOGLAKE_LAKE_RAW_BUCKET",
                        "LOGLAKE_LAKE_WAREHOUSE_BUCKET",
                        "LOGLAKE_LAKE_REPORTS_BUCKET");
        assertThat(terraform.keySet()).isEqualTo(manifest.keySet());
    }

    @Test
    void trinoPasswordComesFromASecret() {
        assertThat(RepositoryFiles.read("k8s/jobs/transform.yaml"))
                .contains("name: " + variable("trino.password"))
                .contains("secretKeyRef");
    }

    @Test
    void metastoreConfigMapMatchesTerraform() {
        Map<String, Object> terraform = TerraformRoot.attributes(TerraformRoot.load("terraform/cluster-config")
                .resources("kubernetes_config_map_v1")
                .get("hive_metastore")
                .get("data"));

        assertThat(terraform.keySet())
                .isEqualTo(configMap("hive-metastore-config").getData().keySet());
    }

    static String variable(String key) {
        return "LOGLAKE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static ConfigMap configMap(String name) {
        return KubernetesManifests.all(ConfigMap.class).stream()
                .filter(configMap -> configMap.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name + " under k8s/"));
    }
}
