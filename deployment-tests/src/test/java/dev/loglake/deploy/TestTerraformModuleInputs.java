package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every module input of terraform/ is a real input of the module version it pins, checked against that version's
 * files vendored in the tests' resources (issue #12): a typo or an input of another version fails here, offline.
 */
class TestTerraformModuleInputs {
    @Test
    void everyModuleInputOfTerraformIsAnInputOfItsPinnedVersion() {
        List<String> problems = new ArrayList<>();
        Set<String> modules = new TreeSet<>();
        for (TerraformRoot file : terraformFiles()) {
            problems.addAll(ModuleInputRules.problems(file));
            modules.addAll(file.blocks("module").keySet());
        }

        assertThat(modules)
                .as("the modules checked")
                .contains("vpc", "eks", "workload_irsa", "load_balancer_controller_irsa", "cluster_autoscaler_irsa");
        assertThat(problems).isEmpty();
    }

    /** A version folder nothing pins any more is a copy someone forgot to delete when bumping the pin. */
    @Test
    void everyVendoredVersionIsPinned() {
        Set<String> pinned = new TreeSet<>();
        for (TerraformRoot file : terraformFiles()) {
            file.blocks("module")
                    .values()
                    .forEach(module -> pinned.add(ModuleInputRules.pinnedVersion(TerraformRoot.attributes(module))));
        }

        assertThat(ModuleInputRules.vendoredVersions())
                .as(
                        "the version folders of %s (each with a SOURCE.md) against the versions terraform/ pins",
                        ModuleInputRules.VENDORED)
                .isEqualTo(pinned);
    }

    @Test
    void misspeltInputAndInputOfAnotherVersionAreReported() {
        TerraformRoot file = TerraformRoot.of(
                "example.tf",
                """
                module "vpc" {
                  source             = "terraform-aws-modules/vpc/aws"
                  version            = "5.21.0"
                  enable_nat_gatway  = true
                  enable_nat_gateway = true
                }
                module "irsa" {
                  source        = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
                  version       = "5.55.0"
                  for_each      = toset(["a"])
                  name          = "renamed from role_name in 6.0"
                  role_name     = "a"
                }
                """);

        assertThat(ModuleInputRules.problems(file))
                .containsExactly(
                        "example.tf: module \"vpc\" sets enable_nat_gatway, which is not a variable of"
                                + " terraform-aws-modules/vpc/aws 5.21.0",
                        "example.tf: module \"irsa\" sets name, which is not a variable of"
                                + " terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks 5.55.0");
    }

    @Test
    void versionThatIsNotVendoredIsReported() {
        TerraformRoot file = TerraformRoot.of(
                "example.tf",
                """
                module "eks" {
                  source  = "terraform-aws-modules/eks/aws"
                  version = "20.38.0"
                }
                """);

        assertThat(ModuleInputRules.problems(file))
                .containsExactly(
                        "example.tf: module \"eks\" pins terraform-aws-modules/eks/aws 20.38.0, but "
                                + ModuleInputRules.VENDORED
                                + "/terraform-aws-modules/eks/aws holds only [20.37.1]: vendor the"
                                + " files its SOURCE.md lists, from tag v20.38.0, into 20.38.0/ there and delete the old folder");
    }

    @Test
    void nodeGroupAndAddonKeysThatTheModuleDoesNotReadAreReported() {
        TerraformRoot file = TerraformRoot.of(
                "example.tf",
                """
                module "eks" {
                  source  = "terraform-aws-modules/eks/aws"
                  version = "20.37.1"
                  cluster_addons = {
                    vpc-cni = {
                      before_compute       = true
                      configuration_values = "{}"
                      configuration_value  = "{}"
                    }
                  }
                  eks_managed_node_groups = {
                    system = {
                      instance_types                    = ["m6i.large"]
                      metadata_options                  = { http_tokens = "required" }
                      instance_type                     = "m6i.large"
                      cluster_primary_security_group_id = "sg-1"
                    }
                  }
                }
                """);

        assertThat(ModuleInputRules.problems(file))
                .containsExactly(
                        "example.tf: module \"eks\" eks_managed_node_groups[\"system\"] sets"
                                + " cluster_primary_security_group_id, which terraform-aws-modules/eks/aws 20.37.1 does"
                                + " not read from an entry (node_groups.tf); it sets that variable of"
                                + " modules/eks-managed-node-group itself",
                        "example.tf: module \"eks\" eks_managed_node_groups[\"system\"] sets instance_type, which"
                                + " terraform-aws-modules/eks/aws 20.37.1 does not read from an entry (node_groups.tf)",
                        "example.tf: module \"eks\" cluster_addons[\"vpc-cni\"] sets configuration_value, which"
                                + " terraform-aws-modules/eks/aws 20.37.1 does not read from an entry (main.tf)");
    }

    private static List<TerraformRoot> terraformFiles() {
        List<TerraformRoot> files = new ArrayList<>();
        for (Path file : RepositoryFiles.find("terraform", ".tf")) {
            files.add(TerraformRoot.of(RepositoryFiles.relative(file), RepositoryFiles.read(file)));
        }
        return files;
    }
}
