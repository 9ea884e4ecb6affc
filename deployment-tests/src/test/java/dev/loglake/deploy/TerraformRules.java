package dev.loglake.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules a Terraform root of this project follows; each method lists the violations it finds. */
final class TerraformRules {
    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private TerraformRules() {}

    /** Every variable has a type and a non-blank description. */
    static List<String> variableProblems(TerraformRoot root) {
        List<String> problems = new ArrayList<>();
        root.blocks("variable").forEach((name, body) -> {
            Map<String, Object> variable = TerraformRoot.attributes(body);
            if (variable.get("type") == null) {
                problems.add(root.name() + ": variable \"" + name + "\" has no type");
            }
            if (!(variable.get("description") instanceof String description) || description.isBlank()) {
                problems.add(root.name() + ": variable \"" + name + "\" has no description");
            }
        });
        return problems;
    }

    /** Terraform and every provider have a version constraint; every module an exact version. */
    static List<String> pinProblems(TerraformRoot root) {
        List<String> problems = new ArrayList<>();
        // The unlabelled terraform { } block: its attributes are what blocks() holds for it.
        Map<String, Object> terraform = root.blocks("terraform");
        if (!(terraform.get("required_version") instanceof String required) || required.isBlank()) {
            problems.add(root.name() + ": terraform { required_version } is missing");
        }
        Map<String, Object> providers = TerraformRoot.attributes(terraform.get("required_providers"));
        if (providers.isEmpty()) {
            problems.add(root.name() + ": terraform { required_providers } is missing");
        }
        providers.forEach((name, body) -> {
            if (!(TerraformRoot.attributes(body).get("version") instanceof String version) || version.isBlank()) {
                problems.add(root.name() + ": provider \"" + name + "\" has no version constraint");
            }
        });
        root.blocks("resource").keySet().forEach(type -> {
            String provider = type.substring(0, type.indexOf('_'));
            if (!providers.containsKey(provider)) {
                problems.add(root.name() + ": resource type " + type + " needs provider \"" + provider
                        + "\" in required_providers");
            }
        });
        root.blocks("module").forEach((name, body) -> {
            Map<String, Object> module = TerraformRoot.attributes(body);
            Object version = module.get("version");
            if (!(version instanceof String exact)
                    || !EXACT_VERSION.matcher(exact).matches()) {
                problems.add(
                        root.name() + ": module \"" + name + "\" must pin an exact version (x.y.z), has " + version);
            }
        });
        return problems;
    }

    /**
     * Nothing is public: every database has publicly_accessible = false and encrypted storage, and every
     * bucket has a public access block with all four settings true.
     */
    static List<String> exposureProblems(TerraformRoot root) {
        List<String> problems = new ArrayList<>();
        root.resources("aws_db_instance").forEach((name, db) -> {
            if (!Boolean.FALSE.equals(db.get("publicly_accessible"))) {
                problems.add(root.name() + ": aws_db_instance." + name + " must set publicly_accessible = false");
            }
            if (!Boolean.TRUE.equals(db.get("storage_encrypted"))) {
                problems.add(root.name() + ": aws_db_instance." + name + " must set storage_encrypted = true");
            }
            if (!db.containsKey("deletion_protection")) {
                problems.add(root.name() + ": aws_db_instance." + name + " must set deletion_protection");
            }
        });
        Map<String, Map<String, Object>> blocks = root.resources("aws_s3_bucket_public_access_block");
        blocks.forEach((name, block) -> {
            for (String flag : List.of(
                    "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
                if (!Boolean.TRUE.equals(block.get(flag))) {
                    problems.add(root.name() + ": aws_s3_bucket_public_access_block." + name + " must set " + flag
                            + " = true");
                }
            }
        });
        root.resources("aws_s3_bucket").keySet().forEach(bucket -> {
            String reference = "aws_s3_bucket." + bucket;
            boolean covered = blocks.values().stream()
                    .anyMatch(block -> String.valueOf(block.get("for_each")).equals(reference)
                            || String.valueOf(block.get("bucket")).startsWith(reference + "."));
            if (!covered) {
                problems.add(root.name() + ": " + reference + " has no aws_s3_bucket_public_access_block");
            }
        });
        root.resources("aws_s3_bucket_acl").forEach((name, acl) -> {
            if (String.valueOf(acl.get("acl")).startsWith("public")) {
                problems.add(root.name() + ": aws_s3_bucket_acl." + name + " makes a bucket public");
            }
        });
        return problems;
    }
}
