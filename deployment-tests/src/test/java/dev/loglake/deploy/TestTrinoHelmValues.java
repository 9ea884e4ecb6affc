package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTrinoHelmValues {
    private static final String VALUES = "k8s/trino/values.yaml";

    @Test
    void everyKeyExistsInThePinnedChart() {
        Map<String, Object> values = Yaml.map(RepositoryFiles.read(VALUES), VALUES);

        assertThat(values).containsKeys("image", "server", "catalogs", "coordinator", "worker", "ingress");
        assertThat(HelmValuesChecker.unknownKeys(values, chartValues())).isEmpty();
    }

    @Test
    void misspelledKeysAreReported() {
        Map<String, Object> values = Yaml.map(
                """
                server:
                  autoscalling:
                    enabled: true
                worker:
                  gracefulShutdown:
                    enable: true
                  resources: {requests: {cpu: "1"}}
                auth:
                  passwordAuthSecrets: trino-password-file
                service: ClusterIP
                """,
                "typo.yaml");

        assertThat(HelmValuesChecker.unknownKeys(values, chartValues()))
                .containsExactly(
                        "server.autoscalling is not a value of the chart (did you mean 'autoscaling'?)",
                        "worker.gracefulShutdown.enable is not a value of the chart (did you mean 'enabled'?)",
                        "auth.passwordAuthSecrets is not a documented key of auth",
                        "service is a map in the chart, not a scalar");
    }

    @Test
    void hiveCatalogUsesNativeS3WithoutKeysAndTheMetastoreService() {
        Map<String, Object> catalogs = Yaml.child(Yaml.map(RepositoryFiles.read(VALUES), VALUES), "catalogs");

        assertThat(String.valueOf(catalogs.get("hive")))
                .contains("connector.name=hive")
                .contains("hive.metastore.uri=thrift://hive-metastore:9083")
                .contains("fs.native-s3.enabled=true")
                .doesNotContain("s3.aws-access-key")
                .doesNotContain("s3.aws-secret-key");
    }

    @Test
    void passwordAuthenticationSitsBehindForwardedHttps() {
        Map<String, Object> values = Yaml.map(RepositoryFiles.read(VALUES), VALUES);

        assertThat(Yaml.child(Yaml.child(values, "server"), "config")).containsEntry("authenticationType", "PASSWORD");
        assertThat(String.valueOf(values.get("additionalConfigProperties")))
                .contains("http-server.process-forwarded=true")
                .contains("internal-communication.shared-secret=${ENV:")
                .doesNotContain("allow-insecure-over-http");
    }

    @Test
    void vendoredChartValuesNameTheirSourceAndVersion() {
        String pinned = String.valueOf(Yaml.map(RepositoryFiles.read("k8s/trino/chart-pin.yaml"), "chart-pin.yaml")
                .get("version"));

        assertThat(chartValuesText())
                .contains("source: github.com/trinodb/charts, charts/trino/values.yaml")
                .contains("pinned chart version: " + pinned);
    }

    static Map<String, Object> chartValues() {
        return Yaml.map(chartValuesText(), "trino-chart/values.yaml");
    }

    private static String chartValuesText() {
        try (InputStream in = TestTrinoHelmValues.class.getResourceAsStream("/trino-chart/values.yaml")) {
            if (in == null) {
                throw new IllegalStateException("test resource trino-chart/values.yaml is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read trino-chart/values.yaml", e);
        }
    }
}
