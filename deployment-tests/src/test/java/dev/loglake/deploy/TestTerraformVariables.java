package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTerraformVariables {
    @Test
    void everyVariableHasATypeAndADescription() {
        for (String root : List.of("terraform/cloud-infra", "terraform/cluster-config")) {
            TerraformRoot terraform = TerraformRoot.load(root);

            assertThat(terraform.blocks("variable")).as(root).isNotEmpty();
            assertThat(TerraformRules.variableProblems(terraform)).as(root).isEmpty();
        }
    }

    @Test
    void variableWithoutTypeOrDescriptionIsReported() {
        TerraformRoot root = TerraformRoot.of("example", "variable \"region\" {\n  default = \"eu-west-1\"\n}\n");

        assertThat(TerraformRules.variableProblems(root))
                .containsExactly(
                        "example: variable \"region\" has no type", "example: variable \"region\" has no description");
    }
}
