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
 * Every S3 call the loglake jobs make is allowed by the jobs' IAM role, on the bucket and the folders the call goes
 * to. The calls are read from the source of the modules the CronJobs run; a new call (or a new S3 client method)
 * fails this test until the policy in terraform/cloud-infra/main.tf allows it.
 */
class TestJobsS3Permissions {
    /** The buckets of terraform's log_source_buckets, whose logs are read in place. */
    static final String SOURCES = "sources";

    /** The module of each job step and the bucket its S3 calls go to, anywhere in it (see the policy's comments). */
    private static final Map<String, Target> TARGET_OF_MODULE = Map.of(
            "generator", Target.whole("raw"),
            "transforms", Target.whole("raw"),
            "reports", Target.whole("reports"),
            // The sources' records (sources/<name>.properties) and the raw layout's folders.
            "lake", Target.whole("raw"));

    /**
     * Source files whose S3 calls go elsewhere than their module's, and the folders they touch there: the transform
     * removes the files a cut-off run left in the partition folders of the staging and marts tables.
     */
    private static final Map<String, Target> TARGET_OF_FILE = Map.of(
            "transforms/src/main/java/dev/loglake/transforms/run/OrphanPartitionFiles.java",
            new Target("warehouse", List.of("staging/", "marts/")),
            // The folders and CloudFront objects of the logs read in place (source add), in their own buckets
            // (terraform's log_source_buckets). Both also list the raw bucket, which the raw grants allow.
            "transforms/src/main/java/dev/loglake/transforms/run/RawDays.java",
            Target.whole(SOURCES),
            "lake/src/main/java/dev/loglake/lake/source/S3Folders.java",
            Target.whole(SOURCES));

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
            Map.entry("listMultipartUploads", Set.of("s3:ListBucketMultipartUploads")),
            Map.entry("listMultipartUploadsPaginator", Set.of("s3:ListBucketMultipartUploads")),
            Map.entry("listObjectsV2", Set.of("s3:ListBucket")),
            Map.entry("listObjectsV2Paginator", Set.of("s3:ListBucket")),
            Map.entry("headBucket", Set.of("s3:ListBucket")),
            Map.entry("getBucketLocation", Set.of("s3:GetBucketLocation")));

    /**
     * Calls the role does not get on purpose. generate creates a missing bucket on the local S3 server; on AWS the
     * buckets belong to terraform/cloud-infra, and a missing one is a configuration error the refusal reports.
     */
    private static final Set<String> NOT_GRANTED = Set.of("createBucket");

    /** The source buckets in a resource: the buckets' ARNs, or {@code "${arn}/folder/*"} for their objects. */
    private static final Pattern SOURCE_RESOURCE =
            Pattern.compile("local\\.log_source_bucket_arns|\"\\$\\{arn\\}/([^\"]*)\"");

    private static final Pattern S3_CALL = Pattern.compile("\\bs3\\s*\\.\\s*([a-z][A-Za-z0-9]*)\\(");
    private static final Pattern ACTION = Pattern.compile("\"(s3:[A-Za-z*]+)\"");
    /** A bucket of the lake in a resource: its ARN alone, or {@code "${...arn}/folder/*"} for objects. */
    private static final Pattern RESOURCE = Pattern.compile("lake\\[\"([a-z]+)\"\\]\\.arn(?:\\}/([^\"]*))?");
    /** The values of a statement's condition on s3:prefix, which limits what ListBucket may list. */
    private static final Pattern PREFIX_CONDITION =
            Pattern.compile("variable\\s*=\\s*\"s3:prefix\"\\s*values\\s*=\\s*\\[([^\\]]*)\\]");

    /** A bucket (raw, warehouse, reports) and the folders of it that calls go to; {@code ""} is the whole bucket. */
    record Target(String bucket, List<String> folders) {
        static Target whole(String bucket) {
            return new Target(bucket, List.of(""));
        }
    }

    /** An action the policy allows on the keys of a bucket that start with {@code prefix} ({@code ""}: all). */
    record Grant(String bucket, String action, String prefix) {
        boolean allows(String bucket, String action, String folder) {
            return this.bucket.equals(bucket) && this.action.equals(action) && folder.startsWith(prefix);
        }
    }

    @Test
    void everyS3CallOfTheJobsIsAllowedOnItsBucket() {
        Set<Grant> granted = grants();
        List<String> missing = new ArrayList<>();
        callsByTarget().forEach((caller, methods) -> {
            Target target = caller.target();
            for (String method : methods) {
                if (NOT_GRANTED.contains(method)) {
                    continue;
                }
                assertThat(ACTIONS_OF_METHOD)
                        .as("the IAM actions of S3Client.%s (called in %s): add them to this test", method, caller)
                        .containsKey(method);
                for (String action : ACTIONS_OF_METHOD.get(method)) {
                    for (String folder : target.folders()) {
                        if (granted.stream().noneMatch(grant -> grant.allows(target.bucket(), action, folder))) {
                            missing.add(caller.source() + " calls s3." + method + " on the " + target.bucket()
                                    + " bucket" + (folder.isEmpty() ? "" : " under " + folder)
                                    + ": the jobs role lacks " + action);
                        }
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    /**
     * The scan sees the calls that matter: the quarantine's copy and delete, the report's and generate's deletes, and
     * the transform's listing and delete of a cut-off run's files in the warehouse.
     */
    @Test
    void theScanFindsTheDeletes() {
        Map<String, Set<String>> calls = new TreeMap<>();
        callsByTarget().forEach((caller, methods) -> calls.put(caller.source(), methods));

        assertThat(calls)
                .hasEntrySatisfying("transforms", methods -> assertThat(methods).contains("copyObject", "deleteObject"))
                .hasEntrySatisfying(
                        "transforms/src/main/java/dev/loglake/transforms/run/OrphanPartitionFiles.java",
                        methods -> assertThat(methods).contains("listObjectsV2Paginator", "deleteObjects"))
                .hasEntrySatisfying("reports", methods -> assertThat(methods).contains("deleteObject", "putObject"))
                .hasEntrySatisfying("generator", methods -> assertThat(methods).contains("deleteObjects", "putObject"));
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

        assertThat(grants(policy))
                .containsExactlyInAnyOrder(new Grant("raw", "s3:GetObject", ""), new Grant("raw", "s3:PutObject", ""));
    }

    /**
     * Logs read in place (source add) are listed by the jobs (which find their days) and listed and read by Trino
     * (which reads them), and never written: nothing else is granted on their buckets.
     */
    @Test
    void theLogsReadInPlaceAreListedAndReadOnly() {
        String terraform = TerraformRoot.load("terraform/cloud-infra").source();
        assertThat(sourceGrants(terraform, "jobs"))
                .as("the jobs role on the buckets of log_source_buckets")
                .containsExactly("s3:GetBucketLocation ", "s3:ListBucket ");
        assertThat(sourceGrants(terraform, "trino"))
                .as("the trino role on the buckets of log_source_buckets")
                .containsExactly("s3:GetBucketLocation ", "s3:GetObject ", "s3:ListBucket ");
    }

    private static List<String> sourceGrants(String terraform, String role) {
        return grants(terraform, role).stream()
                .filter(grant -> grant.bucket().equals(SOURCES))
                .map(grant -> grant.action() + " " + grant.prefix())
                .sorted()
                .toList();
    }

    /** A grant on one folder (the writer lease's) allows nothing in another (the marts' partitions). */
    @Test
    void aGrantOnAFolderCoversThatFolderOnly() {
        String policy =
                """
                data "aws_iam_policy_document" "jobs" {
                  statement {
                    actions   = ["s3:ListBucket"]
                    resources = [aws_s3_bucket.lake["warehouse"].arn]
                    condition {
                      test     = "StringLike"
                      variable = "s3:prefix"
                      values   = ["_loglake/leases/*"]
                    }
                  }
                  statement {
                    actions   = ["s3:DeleteObject"]
                    resources = ["${aws_s3_bucket.lake["warehouse"].arn}/_loglake/leases/*"]
                  }
                }
                """;

        Set<Grant> grants = grants(policy);

        assertThat(grants)
                .containsExactlyInAnyOrder(
                        new Grant("warehouse", "s3:ListBucket", "_loglake/leases/"),
                        new Grant("warehouse", "s3:DeleteObject", "_loglake/leases/"));
        assertThat(grants).noneMatch(grant -> grant.allows("warehouse", "s3:ListBucket", "marts/"));
        assertThat(grants).noneMatch(grant -> grant.allows("warehouse", "s3:DeleteObject", "marts/"));
        assertThat(grants).anyMatch(grant -> grant.allows("warehouse", "s3:DeleteObject", "_loglake/leases/writer/"));
    }

    /** Who calls: a module (its calls go to the module's target) or one of its files with a target of its own. */
    record Caller(String source, Target target) {}

    /** The S3 client methods called, by caller. */
    private static Map<Caller, Set<String>> callsByTarget() {
        Map<Caller, Set<String>> calls = new java.util.LinkedHashMap<>();
        for (String module : new TreeSet<>(TARGET_OF_MODULE.keySet())) {
            for (Path file : RepositoryFiles.find(module + "/src/main/java", ".java")) {
                String relative = RepositoryFiles.relative(file);
                Caller caller = TARGET_OF_FILE.containsKey(relative)
                        ? new Caller(relative, TARGET_OF_FILE.get(relative))
                        : new Caller(module, TARGET_OF_MODULE.get(module));
                Matcher call = S3_CALL.matcher(RepositoryFiles.read(file));
                while (call.find()) {
                    calls.computeIfAbsent(caller, key -> new TreeSet<>()).add(call.group(1));
                }
            }
        }
        return calls;
    }

    private static Set<Grant> grants() {
        return grants(TerraformRoot.load("terraform/cloud-infra").source());
    }

    /**
     * What each statement of the jobs policy allows: its actions on each bucket (raw, reports, ...) it names, limited
     * to the folder of an object resource ({@code ${...arn}/folder/*}) or, on the bucket itself, to the folders of
     * its s3:prefix condition.
     */
    static Set<Grant> grants(String source) {
        return grants(source, "jobs");
    }

    /** The grants of one role's policy; a dynamic statement's {@code content} counts as a statement. */
    static Set<Grant> grants(String source, String role) {
        String policy = TerraformBlocks.block(source, "data \"aws_iam_policy_document\" \"" + role + "\"");
        Set<Grant> granted = new java.util.HashSet<>();
        List<String> statements = new ArrayList<>(TerraformBlocks.nested(policy, "statement"));
        statements.addAll(TerraformBlocks.nested(policy, "content"));
        for (String statement : statements) {
            assertThat(statement).as("the jobs policy only allows").doesNotContain("effect");
            Set<String> actions = new TreeSet<>();
            String actionsOnward = statement.substring(statement.indexOf("actions"));
            Matcher action = ACTION.matcher(actionsOnward.substring(0, actionsOnward.indexOf(']')));
            while (action.find()) {
                actions.add(action.group(1));
            }
            List<String> conditionPrefixes = conditionPrefixes(statement);
            String resources = statement.substring(statement.indexOf("resources"));
            Matcher sourceResource = SOURCE_RESOURCE.matcher(resources);
            while (sourceResource.find()) {
                List<String> prefixes = sourceResource.group(1) == null
                        ? conditionPrefixes
                        : List.of(folderOf(sourceResource.group(1)));
                for (String grantedAction : actions) {
                    for (String prefix : prefixes) {
                        granted.add(new Grant(SOURCES, grantedAction, prefix));
                    }
                }
            }
            Matcher resource = RESOURCE.matcher(resources);
            while (resource.find()) {
                List<String> prefixes =
                        resource.group(2) == null ? conditionPrefixes : List.of(folderOf(resource.group(2)));
                for (String grantedAction : actions) {
                    for (String prefix : prefixes) {
                        granted.add(new Grant(resource.group(1), grantedAction, prefix));
                    }
                }
            }
        }
        return granted;
    }

    /** The folders an s3:prefix condition allows (without one, the whole bucket). */
    private static List<String> conditionPrefixes(String statement) {
        Matcher condition = PREFIX_CONDITION.matcher(statement);
        if (!condition.find()) {
            return List.of("");
        }
        List<String> prefixes = new ArrayList<>();
        Matcher value = Pattern.compile("\"([^\"]*)\"").matcher(condition.group(1));
        while (value.find()) {
            prefixes.add(folderOf(value.group(1)));
        }
        return prefixes;
    }

    /** {@code _loglake/leases/*} is the folder {@code _loglake/leases/}; {@code *} is the whole bucket. */
    private static String folderOf(String pattern) {
        assertThat(pattern.indexOf('*'))
                .as("a resource or prefix with a wildcard only at its end: %s", pattern)
                .isIn(-1, pattern.length() - 1);
        return pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
    }
}
