package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RDS master password lives only in the secret RDS manages (issue #12): a value Terraform generates or reads is
 * written into its state, in plain text, for anyone who can read the state bucket.
 */
class TestDatabaseMasterPassword {
    /** Resources and data sources whose state holds a secret's value. */
    private static final List<String> VALUE_IN_STATE = List.of("random_password", "aws_secretsmanager_secret_version");

    private final TerraformRoot cloudInfra = TerraformRoot.load("terraform/cloud-infra");
    private final TerraformRoot clusterConfig = TerraformRoot.load("terraform/cluster-config");

    @Test
    void rdsGeneratesAndKeepsTheMasterPassword() {
        Map<String, Object> database = cloudInfra.resources("aws_db_instance").get("metastore");

        assertThat(database).containsEntry("manage_master_user_password", true).doesNotContainKey("password");
        assertThat(cloudInfra.blocks("output"))
                .containsKey("metastore_db_master_secret_arn")
                .doesNotContainKey("metastore_db_secret_arn");
        assertThat(TerraformBlocks.block(cloudInfra.source(), "output \"metastore_db_master_secret_arn\""))
                .contains("aws_db_instance.metastore.master_user_secret[0].secret_arn");
    }

    @Test
    void noRootGeneratesOrReadsTheMasterPassword() {
        for (String type : VALUE_IN_STATE) {
            assertThat(cloudInfra.resources(type))
                    .as("cloud-infra resource %s", type)
                    .isEmpty();
        }
        assertThat(TerraformRoot.attributes(clusterConfig.blocks("data").get("aws_secretsmanager_secret_version")))
                .as("cluster-config reads a secret's value into its state")
                .isEmpty();
        assertThat(clusterConfig.remoteStateOutputsRead()).doesNotContain("metastore_db_secret_arn");
    }

    /** The master is an administrator of its own name; the metastore logs in as its own role (see db-user-job.yaml). */
    @Test
    void theMasterIsNotTheMetastoresUser() {
        assertThat(cloudInfra.source())
                .containsPattern("\\n\\s*username\\s*=\\s*local\\.db_master_user\\s*\\n")
                .containsPattern("\\n\\s*db_master_user\\s*=\\s*\"loglake_admin\"\\s*\\n");
        assertThat(clusterConfig.source()).containsPattern("METASTORE_DB_USER\\s*=\\s*\"metastore\"");
    }
}
