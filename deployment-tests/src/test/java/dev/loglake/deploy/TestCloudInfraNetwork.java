package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue #12's network items of terraform/cloud-infra: what pods can reach on the node, and S3's route. */
class TestCloudInfraNetwork {
    private final TerraformRoot root = TerraformRoot.load("terraform/cloud-infra");
    private final String eks = TerraformBlocks.block(root.source(), "module \"eks\"");

    /**
     * With a hop limit of 2 (the module's default) a pod reaches IMDS and can take the node's IAM role. terraform-aws-
     * modules/eks 20.37.1 gives each managed node group its own metadata_options, else the defaults' (node_groups.tf).
     */
    @Test
    void podsCannotReachTheInstanceMetadataOfTheirNode() {
        String defaults = TerraformBlocks.block(eks, "eks_managed_node_group_defaults =");

        assertThat(TerraformBlocks.block(defaults, "metadata_options ="))
                .containsPattern("http_endpoint\\s*=\\s*\"enabled\"")
                .containsPattern("http_tokens\\s*=\\s*\"required\"")
                .containsPattern("http_put_response_hop_limit\\s*=\\s*1\\s*\\n");
        assertThat(TerraformBlocks.block(eks, "eks_managed_node_groups ="))
                .as("a node group with metadata_options of its own would not inherit the defaults")
                .doesNotContain("metadata_options")
                .contains("system =", "trino-workers =");
        assertThat(eks).doesNotContain("self_managed_node_groups", "fargate_profiles");
    }

    /** Add-ons that would ask IMDS for their region or VPC get them from their values instead. */
    @Test
    void clusterAddOnsGetTheirRegionAndVpcWithoutInstanceMetadata() {
        String clusterConfig = TerraformRoot.load("terraform/cluster-config").source();

        assertThat(TerraformBlocks.block(clusterConfig, "resource \"helm_release\" \"aws_load_balancer_controller\""))
                .containsPattern("\\n\\s*region\\s*=\\s*data\\.terraform_remote_state\\.cloud_infra\\.outputs\\.region")
                .containsPattern("\\n\\s*vpcId\\s*=\\s*data\\.terraform_remote_state\\.cloud_infra\\.outputs\\.vpc_id");
        assertThat(TerraformBlocks.block(clusterConfig, "resource \"helm_release\" \"cluster_autoscaler\""))
                .containsPattern(
                        "\\n\\s*awsRegion\\s*=\\s*data\\.terraform_remote_state\\.cloud_infra\\.outputs\\.region");
    }

    /** Without a gateway endpoint every S3 byte of Trino and the jobs crosses the NAT gateway. */
    @Test
    void s3IsReachedThroughAGatewayEndpointFromWherePodsRun() {
        Map<String, Object> endpoint = root.resources("aws_vpc_endpoint").get("s3");
        String block = TerraformBlocks.block(root.source(), "resource \"aws_vpc_endpoint\" \"s3\"");

        assertThat(endpoint).as("aws_vpc_endpoint.s3").containsEntry("vpc_endpoint_type", "Gateway");
        assertThat(block)
                .contains("service_name      = \"com.amazonaws.${var.region}.s3\"")
                .contains("route_table_ids   = module.vpc.private_route_table_ids");
        assertThat(eks)
                .as("nodes and pods run in the private subnets, whose route tables carry the endpoint")
                .contains("subnet_ids               = module.vpc.private_subnets");
    }
}
