package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every S3 call the loglake jobs make is allowed by the jobs' IAM role, on the bucket the call goes to. The calls
 * are read from the source of the modules the CronJobs run; a new call (or a new S3 client method) fails this test
 * until the policy in terraform/cloud-infra/main.tf allows it.
 */
class TestJobsS3Permissions {
    /** The module of each job step and the bucket its S3 calls go to (see the policy's comments). */
    private static final Map<String, String> BUCKET_OF_MODULE =
            Map.of("generator", "raw", "transforms", "raw", "reports", "reports");

    /** The IAM actions an S3Client method needs (AWS "Actions defined by Amazon S3"). */
    private static final Map<String, Set<String>> ACTIONS_OF_METHOD = Map.ofEntries(
            Map.entry("getObject", Set.of("s3:GetObject")),
            Map.entry("getObjectAsBytes", Set.of("s3:GetObject")),
            Map.entry("headObject", Set.of("s3:GetObject")),
            Map.entry("putObject", Set.of("s3:PutObject")),
            Map.entry("copyObject", Set.of("s3:GetObject", "s3:PutObject")),
            Map.entry("deleteObject", Set.of("s3:DeleteObject")),
            Map.entry("deleteObjects", Set.of("s3:DeleteObject")),
            Map.entry("createMultipartUpload", Set.of("s3:PutObject")),
            Map.entry("uploadPart", Set.of("s3:PutObject")),
            Map.entry("completeMultipartUpload", Set.of("s3:PutObject")),
            Map.entry("abortMultipartUpload", Set.of("s3:AbortMultipartUpload")),
            Map.entry("listObjectsV2", Set.of("s3:ListBucket")),
            Map.entry("listObjectsV2Paginator", Set.of("s3:ListBucket")),
            Map.entry("headBucket", Set.of("s3:ListBucket")),
            Map.entry("getBucketLocation", Set.of("s3:GetBucketLocation")));

    /**
     * Calls the role does not get on purpose. generate creates a missing bucket on the local S3 server; on AWS the
     * buckets belong to terraform/cloud-infra, and a missing one is a configuration error the refusal reports.
     */
    private static final Set<String> NOT_GRANTED = Set.of("createBucket");

    private static final Pattern S3_CALL = Pattern.compile("\\bs3\\s*\\.\\s*([a-z][A-Za-z0-9]*)\\(");
    private static final Pattern ACTION = Pattern.compile("\"(s3:[A-Za-z*]+)\"");

    @Test
    void everyS3CallOfTheJobsIsAllowedOnItsBucket() {
        Map<String, Set<String>> granted = grantedActionsByBucket();
        List<String> missing = new ArrayList<>();
        callsByModule().forEach((module, methods) -> {
            String bucket = BUCKET_OF_MODULE.get(module);
            for (String method : methods) {
                if (NOT_GRANTED.contains(method)) {
                    continue;
                }
                assertThat(ACTIONS_OF_METHOD)
                        .as("the IAM actions of S3Client.%s (called in %s): add them to this test", method, module)
                        .containsKey(method);
                for (String action : ACTIONS_OF_METHOD.get(method)) {
                    if (!granted.getOrDefault(bucket, Set.of()).contains(action)) {
                        missing.add(module + " calls s3." + method + " on the " + bucket
                                + " bucket: the jobs role lacks " + action);
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    /** The scan sees the calls that matter: the quarantine's copy and delete, the report's and generate's deletes. */
    @Test
    void theScanFindsTheDeletes() {
        assertThat(callsByModule())
                .hasEntrySatisfying("transforms", calls -> assertThat(calls).contains("copyObject", "deleteObject"))
                .hasEntrySatisfying("reports", calls -> assertThat(calls).contains("deleteObject", "putObject"))
                .hasEntrySatisfying("generator", calls -> assertThat(calls).contains("deleteObjects", "putObject"));
    }

    @Test
    void aPolicyWithoutDeleteIsReported() {
        String policy =
                """
                data "aws_iam_policy_document" "jobs" {
                  statement {
                    actions   = ["s3:GetObject", "s3:PutObject"]
                    resources = ["${aws_s3_bucket.lake["raw"].arn}/*"]
                  }
                }
                """;

        assertThat(grantedActionsByBucket(policy))
                .containsExactly(Map.entry("raw", Set.of("s3:GetObject", "s3:PutObject")));
    }

    private static Map<String, Set<String>> callsByModule() {
        Map<String, Set<String>> calls = new TreeMap<>();
        for (String module : BUCKET_OF_MODULE.keySet()) {
            Set<String> methods = new TreeSet<>();
            for (Path file : RepositoryFiles.find(module + "/src/main/java", ".java")) {
                Matcher call = S3_CALL.matcher(RepositoryFiles.read(file));
                while (call.find()) {
                    methods.add(call.group(1));
                }
            }
            calls.put(module, methods);
        }
        return calls;
    }

    private static Map<String, Set<String>> grantedActionsByBucket() {
        return grantedActionsByBucket(
                TerraformRoot.load("terraform/cloud-infra").source());
    }

    /** The actions each statement of the jobs policy allows, by the bucket (raw, reports, ...) it names. */
    static Map<String, Set<String>> grantedActionsByBucket(String source) {
        String policy = TerraformBlocks.block(source, "data \"aws_iam_policy_document\" \"jobs\"");
        Map<String, Set<String>> granted = new TreeMap<>();
        for (String statement : TerraformBlocks.nested(policy, "statement")) {
            assertThat(statement).as("the jobs policy only allows").doesNotContain("effect");
            Set<String> actions = new TreeSet<>();
            Matcher action = ACTION.matcher(statement.substring(statement.indexOf("actions")));
            while (action.find()) {
                actions.add(action.group(1));
            }
            Matcher bucket = Pattern.compile("lake\\[\"([a-z]+)\"\\]").matcher(statement);
            while (bucket.find()) {
                granted.computeIfAbsent(bucket.group(1), key -> new TreeSet<>()).addAll(actions);
            }
        }
        return granted;
    }
}
