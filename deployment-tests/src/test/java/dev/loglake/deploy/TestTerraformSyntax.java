package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    @Test
    void terraformFmtAcceptsEveryFileWhereTerraformIsInstalled() throws IOException, InterruptedException {
        Path terraform = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, "terraform"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        assumeTrue(terraform != null, "terraform is not installed; the HCL parser above still checked the files");

        Process fmt = new ProcessBuilder(terraform.toString(), "fmt", "-check", "-recursive", "-no-color", "terraform")
                .directory(RepositoryFiles.root().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(fmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(fmt.waitFor())
                .as("terraform fmt -check reported:%n%s", output)
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
