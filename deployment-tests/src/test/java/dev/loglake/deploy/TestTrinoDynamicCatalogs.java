package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalogs added while Trino runs on EKS (issue #15): dynamic catalog management on every node, a writable file store
 * on the coordinator seeded with the chart's catalogs, and the catalogs' secrets as environment of every pod.
 */
class TestTrinoDynamicCatalogs {
    private static final String VALUES = "k8s/trino/values.yaml";
    private static final String STORE_VOLUME = "catalog-store";

    @TempDir
    Path directory;

    /** additionalConfigProperties go into the config.properties of the coordinator and of the workers alike. */
    @Test
    void everyNodeManagesCatalogsDynamically() {
        assertThat((List<Object>) values().get("additionalConfigProperties")).contains("catalog.management=dynamic");
    }

    @Test
    void theCatalogsSecretsReachEveryPodWithoutBeingRequiredToStart() {
        assertThat((List<Object>) values().get("envFrom"))
                .contains(Map.of("secretRef", Map.of("name", "trino-catalog-secrets", "optional", true)));
    }

    /**
     * The store's folder (etc/catalog-store.properties, which Trino reads for the file store) is a volume the
     * coordinator mounts writable, and the init container runs before Trino with that volume and the chart's
     * catalog ConfigMap mounted: its command, run here with the mounts as folders, copies the chart's catalogs
     * into the store, replacing an older hive.properties and keeping a catalog added at runtime.
     */
    @Test
    void theInitContainerSeedsTheWritableStoreWithTheChartsCatalogsAndKeepsAddedOnes() throws Exception {
        Map<String, Object> coordinator = Yaml.child(values(), "coordinator");
        String storeFile =
                String.valueOf(Yaml.child(coordinator, "additionalConfigFiles").get("catalog-store.properties"));
        String store = storeFile.strip().replaceFirst("^catalog\\.config-dir=", "");
        assertThat(mountPath(coordinator.get("additionalVolumeMounts"), STORE_VOLUME))
                .as("the coordinator's mount of %s", STORE_VOLUME)
                .isEqualTo(store);
        assertThat((List<Object>) coordinator.get("additionalVolumes"))
                .contains(Map.of("name", STORE_VOLUME, "emptyDir", Map.of("sizeLimit", "16Mi")));

        Map<String, Object> init = initContainer();
        String chartCatalogs = chartConfigPath() + "/catalog";
        assertThat(mountPath(init.get("volumeMounts"), STORE_VOLUME)).isEqualTo(store);
        assertThat(mountPath(init.get("volumeMounts"), "catalog-volume")).isEqualTo(chartCatalogs);

        Path catalogs = Files.createDirectories(directory.resolve("chart-catalogs"));
        Path stored = Files.createDirectories(directory.resolve("store"));
        Files.writeString(catalogs.resolve("hive.properties"), "connector.name=hive\nnew=1\n");
        Files.writeString(stored.resolve("hive.properties"), "connector.name=hive\nold=1\n");
        Files.writeString(stored.resolve("shop.properties"), "connector.name=postgresql\n");
        List<?> command = (List<?>) init.get("command");
        String script = String.valueOf(command.get(2))
                .replace(chartCatalogs, catalogs.toString())
                .replace(store, stored.toString());
        run(List.of(String.valueOf(command.get(0)), String.valueOf(command.get(1)), script));

        assertThat(Files.readString(stored.resolve("hive.properties")))
                .contains("new=1")
                .doesNotContain("old=1");
        assertThat(stored.resolve("shop.properties")).exists();
    }

    private static Map<String, Object> initContainer() {
        List<?> containers = (List<?>) Yaml.child(values(), "initContainers").get("coordinator");
        assertThat(containers).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> container = (Map<String, Object>) containers.get(0);
        return container;
    }

    private static String mountPath(Object mounts, String volume) {
        return ((List<?>) mounts)
                .stream()
                        .map(mount -> (Map<?, ?>) mount)
                        .filter(mount -> volume.equals(mount.get("name")))
                        .map(mount -> String.valueOf(mount.get("mountPath")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("No mount of volume " + volume + " in " + mounts));
    }

    /** The chart's configuration folder, where it mounts the catalog ConfigMap under catalog/. */
    private static String chartConfigPath() {
        return String.valueOf(Yaml.child(Yaml.child(TestTrinoHelmValues.chartValues(), "server"), "config")
                .get("path"));
    }

    private static Map<String, Object> values() {
        return Yaml.map(RepositoryFiles.read(VALUES), VALUES);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("exit code of %s: %s", command, output)
                .isZero();
    }
}
