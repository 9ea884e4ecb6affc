package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TestTerraformSyntax {
    @Test
    void everyTerraformFileParsesAsHcl() {
        List<Path> files = RepositoryFiles.find("terraform", ".tf");

        assertThat(files)
                .extracting(RepositoryFiles::relative)
                .contains(
                        "terraform/cloud-infra/main.tf",
                        "terraform/cloud-infra/variables.tf",
                        "terraform/cloud-infra/outputs.tf",
                        "terraform/cloud-infra/versions.tf",
                        "terraform/cluster-config/main.tf",
                        "terraform/cluster-config/variables.tf",
                        "terraform/cluster-config/outputs.tf",
                        "terraform/cluster-config/versions.tf");
        for (Path file : files) {
            assertThat(TerraformRoot.parse(RepositoryFiles.read(file), RepositoryFiles.relative(file)))
                    .as(RepositoryFiles.relative(file))
                    .isNotEmpty();
        }
    }

    @Test
    void tfvarsExamplesParseAsHcl() {
        for (String root : List.of("terraform/cloud-infra", "terraform/cluster-config")) {
            String example = root + "/terraform.tfvars.example";
            assertThat(TerraformRoot.parse(RepositoryFiles.read(example), example))
                    .as(example)
                    .isNotEmpty();
        }
    }

    /**
     * terraform is a prerequisite of the project's machines (tools/install-prerequisites checks for it), so a
     * missing one fails here rather than skipping the only check of the files' formatting.
     */
    @Test
    void terraformFmtAcceptsEveryFile() throws IOException, InterruptedException {
        String path = System.getenv().getOrDefault("PATH", "");
        Path terraform = Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, "terraform"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No terraform executable on PATH (" + path + "); this test runs"
                        + " terraform fmt -check -recursive terraform. Install Terraform 1.6 or newer"
                        + " (https://developer.hashicorp.com/terraform/install), as tools/install-prerequisites says"));

        Process fmt = new ProcessBuilder(terraform.toString(), "fmt", "-check", "-recursive", "-no-color", "terraform")
                .directory(RepositoryFiles.root().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(fmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(fmt.waitFor())
                .as(
                        "terraform fmt -check -recursive terraform (run terraform fmt -recursive terraform to fix) reported:%n%s",
                        output)
                .isZero();
    }

    @Test
    void unexpectedTokenIsRejected() {
        assertThatThrownBy(() -> TerraformRoot.parse("resource \"a\" \"b\" {\n  x = = 1\n}\n", "broken.tf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot parse broken.tf as HCL");
    }

    @Test
    void unclosedBlockIsRejected() {
        String unclosedBlock = "variable \"region\" {\n  type = string\n";

        assertThatThrownBy(() -> TerraformRoot.parse(unclosedBlock, "broken.tf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot parse broken.tf as HCL: '{' is never closed");
    }
}
