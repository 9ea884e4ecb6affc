package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What terraform/cluster-config must get right for an apply and a destroy to finish, checked on its text
 * (a plan needs a cluster). Each rule names the failure it prevents.
 */
class TestClusterConfigApplyOrder {
    private static final String ROOT = "terraform/cluster-config";
    /** The kinds for which the kubernetes provider's {@code wait { rollout = true }} has a status to wait on. */
    private static final Set<String> ROLLOUT_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");

    private static final String LB_CONTROLLER = "helm_release.aws_load_balancer_controller";
    private static final Pattern MANIFEST_RESOURCE = Pattern.compile("resource \"kubernetes_manifest\" \"([a-z_]+)\"");

    private final String source = TerraformRoot.load(ROOT).source();

    /** A rollout wait on a Service or a PodDisruptionBudget fails the apply after creating the object. */
    @Test
    void onlyKindsWithARolloutWaitForOne() {
        List<String> waiting = new ArrayList<>();
        manifestResources().forEach((name, block) -> {
            if (block.matches("(?s).*rollout\\s*=\\s*true.*")) {
                for (String file : TerraformBlocks.manifestFiles(block)) {
                    waiting.add(file);
                    assertThat(kind(file))
                            .as("kubernetes_manifest.%s waits for the rollout of %s", name, file)
                            .isIn(ROLLOUT_KINDS);
                }
            }
        });
        assertThat(waiting)
                .as("the metastore Deployment still waits for its rollout")
                .contains("metastore/deployment.yaml");
    }

    /** The controller's admission webhook rejects every new Service until its pods are ready. */
    @Test
    void servicesAreCreatedAfterTheLoadBalancerControllerIsReady() {
        List<String> services = new ArrayList<>();
        manifestResources().forEach((name, block) -> {
            boolean createsService = TerraformBlocks.manifestFiles(block).stream()
                    .anyMatch(file -> kind(file).equals("Service"));
            if (createsService) {
                services.add(name);
                assertThat(TerraformBlocks.dependsOn(block))
                        .as("kubernetes_manifest.%s creates a Service", name)
                        .contains(LB_CONTROLLER);
            }
        });
        assertThat(services).isNotEmpty();
        assertThat(TerraformBlocks.block(source, "resource \"helm_release\" \"aws_load_balancer_controller\""))
                .as("the controller's release waits for ready pods")
                .containsPattern("\\n\\s*wait\\s*=\\s*true\\s*\\n");
    }

    /**
     * Destroy runs in reverse dependency order. Deleting the namespace waits for Trino's Ingress to be gone, which
     * only the controller can do (it deletes the ALB, then removes the Ingress's finalizer); so the namespace
     * depends on the controller, and the controller goes last.
     */
    @Test
    void theNamespaceAndItsIngressGoBeforeTheLoadBalancerController() {
        assertThat(TerraformBlocks.dependsOn(
                        TerraformBlocks.block(source, "resource \"kubernetes_namespace_v1\" \"loglake\"")))
                .contains(LB_CONTROLLER);
        assertThat(TerraformBlocks.dependsOn(TerraformBlocks.block(source, "resource \"helm_release\" \"trino\"")))
                .contains(LB_CONTROLLER);
    }

    /**
     * The pinned chart (trinodb/charts, tag trino-1.40.0, templates/ingress.yaml) names its Ingress with the
     * template trino.coordinator of templates/_helpers.tpl: coordinatorNameOverride if set, else
     * "&lt;name&gt;-coordinator" when the release name starts with the name (nameOverride or the chart's name), else
     * "&lt;release&gt;-&lt;name&gt;-coordinator".
     */
    @Test
    void theIngressDataSourceReadsTheIngressTheChartCreates() {
        Map<String, Object> pin = Yaml.map(RepositoryFiles.read("k8s/trino/chart-pin.yaml"), "chart-pin.yaml");
        assertThat(pin).as("the naming rule below was read in chart 1.40.0").containsEntry("version", "1.40.0");
        Map<String, Object> values = Yaml.map(RepositoryFiles.read("k8s/trino/values.yaml"), "values.yaml");
        String release = attribute(TerraformBlocks.block(source, "resource \"helm_release\" \"trino\""), "name");

        String expected = coordinatorName(release, String.valueOf(pin.get("chart")), values);

        assertThat(attribute(TerraformBlocks.block(source, "data \"kubernetes_ingress_v1\" \"trino\""), "name"))
                .isEqualTo(expected)
                .isEqualTo("trino-coordinator");
    }

    static String coordinatorName(String release, String chart, Map<String, Object> values) {
        if (values.get("coordinatorNameOverride") instanceof String override && !override.isEmpty()) {
            return override;
        }
        String name = values.get("nameOverride") instanceof String override && !override.isEmpty() ? override : chart;
        return release.startsWith(name) ? name + "-coordinator" : release + "-" + name + "-coordinator";
    }

    @Test
    void coordinatorNameFollowsTheChartsRule() {
        assertThat(coordinatorName("trino", "trino", Map.of())).isEqualTo("trino-coordinator");
        assertThat(coordinatorName("lake", "trino", Map.of())).isEqualTo("lake-trino-coordinator");
        assertThat(coordinatorName("trino", "trino", Map.of("coordinatorNameOverride", "front")))
                .isEqualTo("front");
    }

    private Map<String, String> manifestResources() {
        Map<String, String> blocks = new java.util.LinkedHashMap<>();
        Matcher header = MANIFEST_RESOURCE.matcher(source);
        while (header.find()) {
            blocks.put(header.group(1), TerraformBlocks.block(source, header.group()));
        }
        assertThat(blocks).as("kubernetes_manifest resources of " + ROOT).isNotEmpty();
        return blocks;
    }

    private static String kind(String k8sFile) {
        String path = "k8s/" + k8sFile;
        return String.valueOf(Yaml.map(RepositoryFiles.read(path), path).get("kind"));
    }

    /** The first {@code name = "value"} string attribute of a block. */
    private static String attribute(String block, String name) {
        Matcher value =
                Pattern.compile("\\n\\s*" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(block);
        assertThat(value.find()).as("%s = \"...\" in %s", name, block).isTrue();
        return value.group(1);
    }
}
