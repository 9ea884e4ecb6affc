package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What terraform/cloud-infra needs so that its plans stay empty after AWS maintenance and a destroy finishes. */
class TestCloudInfraLifecycle {
    private static final String ROOT = "terraform/cloud-infra";
    private static final Pattern CONDITION_REGEX = Pattern.compile("regex\\(\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final TerraformRoot root = TerraformRoot.load(ROOT);

    /**
     * With auto_minor_version_upgrade, RDS moves 16.9 to 16.10 by itself; a minor version in engine_version would
     * then make the next plan try a downgrade, which RDS refuses. The major version alone stays true.
     */
    @Test
    void rdsEngineVersionIsAMajorVersionThatTheValidationAccepts() {
        Map<String, Object> variable =
                TerraformRoot.attributes(root.blocks("variable").get("postgres_engine_version"));
        String defaultVersion = String.valueOf(variable.get("default"));
        Pattern validation = validationRegex("postgres_engine_version");

        assertThat(defaultVersion).matches("\\d+");
        assertThat(validation.matcher(defaultVersion).find())
                .as("the validation accepts the default")
                .isTrue();
        assertThat(validation.matcher("16.9").find())
                .as("the validation refuses a minor version, which auto minor upgrades would contradict")
                .isFalse();
        assertThat(root.resources("aws_db_instance").get("metastore"))
                .containsEntry("auto_minor_version_upgrade", true)
                .containsEntry("allow_major_version_upgrade", false);
    }

    /** Images are rebuilt from the repository; without force_delete a destroy stops at a non-empty repository. */
    @Test
    void ecrRepositoriesCanBeDestroyedWithTheirImages() {
        assertThat(root.resources("aws_ecr_repository"))
                .isNotEmpty()
                .allSatisfy((name, repository) ->
                        assertThat(repository).as("aws_ecr_repository." + name).containsEntry("force_delete", true));
    }

    private Pattern validationRegex(String variable) {
        String block = TerraformBlocks.block(root.source(), "variable \"" + variable + "\"");
        Matcher regex = CONDITION_REGEX.matcher(
                TerraformBlocks.nested(block, "validation").get(0));
        assertThat(regex.find())
                .as("variable %s validates with regex(...)", variable)
                .isTrue();
        // An HCL string escapes a backslash as \\; the regex itself has one.
        return Pattern.compile(regex.group(1).replace("\\\\", "\\"));
    }
}
