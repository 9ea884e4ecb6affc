package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The NetworkPolicies reach the cluster both ways (kustomize by hand, Terraform), before the workloads, enforced. */
class TestNetworkPolicyInstall {
    private static final String DIRECTORY = "k8s/network-policies";

    private final List<String> files = RepositoryFiles.find(DIRECTORY, ".yaml").stream()
            .map(file -> RepositoryFiles.relative(file).substring("k8s/".length()))
            .toList();
    private final String clusterConfig =
            TerraformRoot.load("terraform/cluster-config").source();

    @Test
    void kustomizationListsEveryPolicy() {
        Map<String, Object> kustomization =
                Yaml.map(RepositoryFiles.read("k8s/kustomization.yaml"), "k8s/kustomization.yaml");

        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        assertThat(((List<?>) kustomization.get("resources")).stream().map(String::valueOf))
                .containsAll(files);
    }

    /** What `kubectl apply -k k8s/` applies, rendered by kubectl's own kustomize where kubectl is installed. */
    @Test
    void kustomizeRendersEveryPolicyWhereKubectlIsInstalled() throws IOException, InterruptedException {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        assumeTrue(kubectl != null, "kubectl is not installed; kustomizationListsEveryPolicy still checked the list");

        Process kustomize = new ProcessBuilder(kubectl.toString(), "kustomize", "k8s")
                .directory(RepositoryFiles.root().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor()).as("kubectl kustomize k8s").isZero();

        assertThat(KubernetesManifests.parse(rendered, "kubectl kustomize k8s").stream()
                        .filter(NetworkPolicy.class::isInstance)
                        .map(object -> object.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(KubernetesManifests.all(NetworkPolicy.class).stream()
                        .map(policy -> policy.getMetadata().getName())
                        .toList());
    }

    @Test
    void terraformAppliesEveryPolicyAfterTheNamespaceAndBeforeTheWorkloads() {
        String policies = TerraformBlocks.block(clusterConfig, "resource \"kubernetes_manifest\" \"network_policies\"");

        assertThat(TerraformBlocks.manifestFiles(policies)).containsExactlyInAnyOrderElementsOf(files);
        assertThat(TerraformBlocks.dependsOn(policies)).contains("kubernetes_namespace_v1.loglake");
        for (String workload : List.of(
                "resource \"kubernetes_manifest\" \"metastore_schema_job\"", "resource \"helm_release\" \"trino\"")) {
            assertThat(TerraformBlocks.dependsOn(TerraformBlocks.block(clusterConfig, workload)))
                    .as(workload)
                    .contains("kubernetes_manifest.network_policies");
        }
    }

    /** The example CIDRs of the k8s/ file would admit another VPC's subnets: Terraform puts in this VPC's. */
    @Test
    void terraformAdmitsTheLoadBalancersSubnetsOfThisVpc() {
        assertThat(clusterConfig)
                .contains("manifest = local.manifests_with_load_balancer_cidrs[each.key]")
                .contains("for cidr in data.terraform_remote_state.cloud_infra.outputs.public_subnet_cidrs : "
                        + "{ ipBlock = { cidr = cidr } }");
        assertThat(TerraformBlocks.block(
                        RepositoryFiles.read("terraform/cloud-infra/outputs.tf"), "output \"public_subnet_cidrs\""))
                .contains("value       = module.vpc.public_subnets_cidr_blocks");
    }

    /** Without enableNetworkPolicy the VPC CNI accepts NetworkPolicies and enforces none. */
    @Test
    void theVpcCniEnforcesNetworkPolicies() {
        String eks = TerraformBlocks.block(RepositoryFiles.read("terraform/cloud-infra/main.tf"), "module \"eks\"");

        assertThat(TerraformBlocks.block(eks, "vpc-cni ="))
                .containsPattern(
                        "configuration_values\\s*=\\s*jsonencode\\(\\{\\s*enableNetworkPolicy\\s*=\\s*\"true\"\\s*}\\)");
    }
}
