package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestTerraformRemoteState {
    @Test
    void everyOutputClusterConfigReadsExistsInCloudInfra() {
        TerraformRoot cloudInfra = TerraformRoot.load("terraform/cloud-infra");
        TerraformRoot clusterConfig = TerraformRoot.load("terraform/cluster-config");

        assertThat(clusterConfig.remoteStateOutputsRead())
                .contains("cluster_name", "workload_role_arns", "metastore_db_jdbc_url", "warehouse_bucket");
        assertThat(cloudInfra.blocks("output"))
                .containsKeys(clusterConfig.remoteStateOutputsRead().toArray(String[]::new));
    }

    @Test
    void outputThatCloudInfraDoesNotHaveIsNoticed() {
        TerraformRoot cloudInfra = TerraformRoot.load("terraform/cloud-infra");
        TerraformRoot reader = TerraformRoot.of(
                "example",
                """
                locals {
                  name = data.terraform_remote_state.cloud_infra.outputs.cluster_nmae
                  vpc  = data.terraform_remote_state.cloud_infra.outputs.vpc_id
                }
                """);

        assertThat(reader.remoteStateOutputsRead()).containsExactly("cluster_nmae", "vpc_id");
        assertThat(cloudInfra.blocks("output")).containsKey("vpc_id").doesNotContainKey("cluster_nmae");
    }
}
