package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
                // The transform registers a closed raw day as its day folder: without this it reads no line of it.
                .contains("hive.recursive-directories=true")
                .contains("hive.allow-register-partition-procedure=true")
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

    /**
     * Trino on EKS spills before a query reaches its own limit, as the local stack does: revoking starts when the
     * worker's memory pool (the heap less Trino's default 30% headroom) is filled to the threshold, and that must
     * come at no more than 75% of a query's memory per node, or pages still arriving while the asynchronous revoke
     * runs push the query over its limit (the local stack's busy-day test failed so with 90%). The spill path is
     * on an emptyDir mounted in both the coordinator and the workers (every node checks at start that it is
     * writable).
     */
    @Test
    void spillStartsWellBeforeAWorkersQueryLimitAndLandsOnAnEmptyDir() {
        Map<String, Object> values = Yaml.map(RepositoryFiles.read(VALUES), VALUES);
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (Object property : (List<?>) values.get("additionalConfigProperties")) {
            String[] keyValue = String.valueOf(property).split("=", 2);
            properties.put(keyValue[0].trim(), keyValue[1].trim());
        }
        assertThat(properties).containsEntry("spill-enabled", "true").containsKeys("max-spill-per-node");
        Map<String, Object> worker = Yaml.child(values, "worker");
        double heapGigabytes =
                gigabytes(String.valueOf(Yaml.child(worker, "jvm").get("maxHeapSize")));
        double queryGigabytes = gigabytes(
                String.valueOf(Yaml.child(Yaml.child(worker, "config"), "query").get("maxMemoryPerNode")));
        double threshold = Double.parseDouble(properties.get("memory-revoking-threshold"));
        double target = Double.parseDouble(properties.get("memory-revoking-target"));
        double pool = heapGigabytes * 0.7;

        assertThat(threshold * pool)
                .as(
                        "GB of the worker's pool (%.1f GB) at which spilling starts, for a query limit of %.1f GB",
                        pool, queryGigabytes)
                .isLessThanOrEqualTo(0.75 * queryGigabytes);
        assertThat(target).as("memory-revoking-target").isPositive().isLessThan(threshold);
        String spillPath = properties.get("spiller-spill-path");
        assertThat(spillPath).as("spiller-spill-path").isNotNull();
        for (String node : List.of("coordinator", "worker")) {
            Map<String, Object> spec = Yaml.child(values, node);
            List<String> emptyDirs = ((List<?>) spec.getOrDefault("additionalVolumes", List.of()))
                    .stream()
                            .map(volume -> (Map<?, ?>) volume)
                            .filter(volume -> volume.containsKey("emptyDir"))
                            .map(volume -> String.valueOf(volume.get("name")))
                            .toList();
            assertThat((List<?>) spec.getOrDefault("additionalVolumeMounts", List.of()))
                    .as("%s mounts an emptyDir at %s", node, spillPath)
                    .anySatisfy(mount -> {
                        Map<?, ?> volumeMount = (Map<?, ?>) mount;
                        assertThat(emptyDirs).contains(String.valueOf(volumeMount.get("name")));
                        assertThat(spillPath).startsWith(String.valueOf(volumeMount.get("mountPath")));
                    });
        }
    }

    @Test
    void accessControlRulesAreTheFileTheSecureLocalStackRuns() {
        Map<String, Object> accessControl = Yaml.child(Yaml.map(RepositoryFiles.read(VALUES), VALUES), "accessControl");

        assertThat(accessControl).containsEntry("type", "configmap").containsEntry("configFile", "rules.json");
        // The rules themselves come from the one shared file, which the stack module packs for the local stack.
        assertThat(RepositoryFiles.read("terraform/cluster-config/main.tf"))
                .contains("\"rules.json\" = file(\"${local.k8s_dir}/trino/access-control-rules.json\")");
        assertThat(RepositoryFiles.read("stack/pom.xml")).contains("<include>access-control-rules.json</include>");
        Map<String, Object> rules =
                Yaml.map(RepositoryFiles.read("k8s/trino/access-control-rules.json"), "access-control-rules.json");
        assertThat(rules).containsKeys("catalogs", "schemas", "tables", "system_information");
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

    /** "20G", "12GB" as the chart's values write sizes. */
    private static double gigabytes(String size) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("(\\d+)(G|GB)").matcher(size);
        assertThat(matcher.matches()).as("size %s in GB", size).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
