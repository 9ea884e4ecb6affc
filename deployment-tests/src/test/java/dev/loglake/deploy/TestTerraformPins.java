package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTerraformPins {
    @Test
    void providersAreConstrainedAndModulesPinnedExactly() {
        for (String root : List.of("terraform/cloud-infra", "terraform/cluster-config")) {
            assertThat(TerraformRules.pinProblems(TerraformRoot.load(root)))
                    .as(root)
                    .isEmpty();
        }
    }

    @Test
    void cloudInfraUsesTheCommunityModules() {
        assertThat(TerraformRoot.load("terraform/cloud-infra").blocks("module"))
                .containsKeys("vpc", "eks", "workload_irsa");
    }

    @Test
    void floatingModuleVersionAndUnconstrainedProviderAreReported() {
        TerraformRoot root = TerraformRoot.of(
                "example",
                """
                terraform {
                  required_version = ">= 1.6.0"
                  required_providers {
                    aws = {
                      source = "hashicorp/aws"
                    }
                  }
                }
                module "vpc" {
                  source  = "terraform-aws-modules/vpc/aws"
                  version = "~> 5.0"
                }
                resource "random_id" "x" {
                  byte_length = 4
                }
                """);

        assertThat(TerraformRules.pinProblems(root))
                .containsExactlyInAnyOrder(
                        "example: provider \"aws\" has no version constraint",
                        "example: resource type random_id needs provider \"random\" in required_providers",
                        "example: module \"vpc\" must pin an exact version (x.y.z), has ~> 5.0");
    }
}
