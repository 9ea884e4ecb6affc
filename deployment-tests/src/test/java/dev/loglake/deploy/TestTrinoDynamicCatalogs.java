package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
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
 * on the coordinator seeded with the chart's catalogs and kept on a persistent volume, and the catalogs' secrets as
 * environment of every pod.
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

    /**
     * The store outlives the coordinator's pod: its volume is the claim of k8s/catalog-store/, of the StorageClass
     * there, whose provisioner is the EBS CSI driver that terraform/cloud-infra installs with a role allowed to create
     * volumes, and terraform/cluster-config applies both before the chart. The coordinator, the store's one writer, is
     * replaced by Recreate, as Helm merges the values (a ReadWriteOnce volume cannot follow a rolling update to another
     * node, and Kubernetes refuses Recreate beside the chart's rollingUpdate), and the pod's group owns the volume.
     */
    @Test
    void theStoreIsAVolumeThatOutlivesTheCoordinatorsPod() {
        PersistentVolumeClaim claim = (PersistentVolumeClaim) manifest("k8s/catalog-store/claim.yaml");
        StorageClass storageClass = (StorageClass) manifest("k8s/catalog-store/storage-class.yaml");
        Map<String, Object> helm = HelmValues.coalesce(TestTrinoHelmValues.chartValues(), values());
        Map<String, Object> coordinator = Yaml.child(helm, "coordinator");

        assertThat((List<Object>) coordinator.get("additionalVolumes"))
                .contains(Map.of(
                        "name",
                        STORE_VOLUME,
                        "persistentVolumeClaim",
                        Map.of("claimName", claim.getMetadata().getName())));
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getSpec().getStorageClassName())
                .isEqualTo(storageClass.getMetadata().getName());
        assertThat(storageClass.getProvisioner()).isEqualTo("ebs.csi.aws.com");
        assertThat(storageClass.getParameters()).containsEntry("encrypted", "true");
        assertThat(Yaml.child(Yaml.child(coordinator, "deployment"), "strategy"))
                .isEqualTo(Map.of("type", "Recreate"));
        Map<String, Object> pod = Yaml.child(helm, "securityContext");
        assertThat(pod.get("fsGroup")).isEqualTo(pod.get("runAsGroup"));
        assertThat(String.valueOf(Yaml.child(helm, "worker").get("additionalVolumes")))
                .as("the workers do not mount the store")
                .doesNotContain(STORE_VOLUME);

        String cloudInfra = TerraformRoot.load("terraform/cloud-infra").source();
        assertThat(TerraformBlocks.block(cloudInfra, "module \"eks\""))
                .containsPattern("aws-ebs-csi-driver\\s*=\\s*\\{\\s*service_account_role_arn\\s*=\\s*"
                        + "module\\.ebs_csi_driver_irsa\\.iam_role_arn");
        assertThat(TerraformBlocks.block(cloudInfra, "module \"ebs_csi_driver_irsa\""))
                .containsPattern("attach_ebs_csi_policy\\s*=\\s*true")
                .contains("\"kube-system:ebs-csi-controller-sa\"");
        String clusterConfig = TerraformRoot.load("terraform/cluster-config").source();
        String store = TerraformBlocks.block(clusterConfig, "resource \"kubernetes_manifest\" \"trino_catalog_store\"");
        assertThat(TerraformBlocks.manifestFiles(store))
                .containsExactlyInAnyOrder("catalog-store/claim.yaml", "catalog-store/storage-class.yaml");
        assertThat(TerraformBlocks.dependsOn(
                        TerraformBlocks.block(clusterConfig, "resource \"helm_release\" \"trino\"")))
                .contains("kubernetes_manifest.trino_catalog_store");
    }

    private static HasMetadata manifest(String file) {
        List<HasMetadata> objects = KubernetesManifests.parse(RepositoryFiles.read(file), file);
        assertThat(objects).as(file).hasSize(1);
        return objects.get(0);
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
