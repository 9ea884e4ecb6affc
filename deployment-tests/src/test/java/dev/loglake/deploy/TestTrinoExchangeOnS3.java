package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fault-tolerant execution on EKS (issue #15): the chart's exchange manager spools to the exchange bucket
 * terraform/cloud-infra makes, and the Trino role allows every S3 request Trino's exchange sends there, while no other
 * role may touch it. A plan needs AWS; what is checked here is the text terraform and the chart read.
 */
class TestTrinoExchangeOnS3 {
    /**
     * The S3 requests of Trino 476's filesystem exchange on S3 (plugin/trino-exchange-filesystem,
     * S3FileSystemExchangeStorage with its writer and reader, AWS mode) and the IAM action each needs.
     */
    private static final Map<String, String> ACTION_OF_REQUEST = Map.of(
            "PutObject (an empty file, a spool file of one part)", "s3:PutObject",
            "CreateMultipartUpload, UploadPart, CompleteMultipartUpload (a spool file of several parts)",
                    "s3:PutObject",
            "AbortMultipartUpload (a writer that failed)", "s3:AbortMultipartUpload",
            "GetObject (ranged reads of spool files)", "s3:GetObject",
            "ListObjectsV2 (a query's files, before they are read or deleted)", "s3:ListBucket",
            "DeleteObjects (a query's files, when it ends)", "s3:DeleteObject");

    private static final String BUCKET = "exchange";

    private final String cloudInfra =
            TerraformRoot.load("terraform/cloud-infra").source();
    private final String clusterConfig =
            TerraformRoot.load("terraform/cluster-config").source();

    @Test
    void theTrinoRoleAllowsEveryRequestOfTheExchangeOnItsBucket() {
        Set<TestJobsS3Permissions.Grant> trino = TestJobsS3Permissions.grants(cloudInfra, "trino");
        List<String> missing = new ArrayList<>();
        ACTION_OF_REQUEST.forEach((request, action) -> {
            if (trino.stream().noneMatch(grant -> grant.allows(BUCKET, action, ""))) {
                missing.add(request + " needs " + action + " on the " + BUCKET + " bucket");
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void noOtherRoleTouchesTheExchange() {
        for (String role : List.of("jobs", "metastore")) {
            assertThat(TestJobsS3Permissions.grants(cloudInfra, role))
                    .as("the %s role's grants", role)
                    .noneMatch(grant -> grant.bucket().equals(BUCKET));
        }
    }

    /**
     * What the pinned chart writes into every node's exchange-manager.properties (its templates, 1.40.0:
     * {@code exchange-manager.name}, {@code exchange.base-directories} joined from {@code server.exchangeManager.baseDir},
     * then {@code additionalExchangeManagerProperties}): the filesystem manager on the bucket whose name cloud-infra
     * outputs as exchange_bucket, in the cluster's region. Both keys are the chart's.
     */
    @Test
    void everyNodeSpoolsToTheExchangeBucket() {
        Map<String, Object> chartServer = Yaml.child(TestTrinoHelmValues.chartValues(), "server");
        assertThat(chartServer).containsKey("exchangeManager");
        assertThat(TestTrinoHelmValues.chartValues()).containsKey("additionalExchangeManagerProperties");

        String release = TerraformBlocks.block(clusterConfig, "resource \"helm_release\" \"trino\"");
        assertThat(release)
                .containsPattern(
                        "exchangeManager\\s*=\\s*\\{\\s*name\\s*=\\s*\"filesystem\"\\s*baseDir\\s*=\\s*"
                                + "\\[\"s3://\\$\\{data\\.terraform_remote_state\\.cloud_infra\\.outputs\\.exchange_bucket\\}\"\\]")
                .containsPattern(
                        "additionalExchangeManagerProperties\\s*=\\s*\\[\\s*"
                                + "\"exchange\\.s3\\.region=\\$\\{data\\.terraform_remote_state\\.cloud_infra\\.outputs\\.region\\}\"");
        String output = TerraformBlocks.block(cloudInfra, "output \"exchange_bucket\"");
        assertThat(output).containsPattern("value\\s*=\\s*aws_s3_bucket\\.lake\\[\"exchange\"\\]\\.bucket");
    }
}
