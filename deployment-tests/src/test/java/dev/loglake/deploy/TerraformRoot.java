package dev.loglake.deploy;

import static java.util.Objects.requireNonNull;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Terraform root (a directory of .tf files) parsed as HCL with hcl4j. Blocks of all files are merged
 * by type and label: {@code blocks("variable")} maps each variable name to its attributes. Expressions
 * that hcl4j cannot evaluate (references such as {@code var.x}) come back as null or as their text.
 */
record TerraformRoot(String name, Map<String, Map<String, Object>> blocksByType, String source) {
    private static final Pattern REMOTE_STATE_OUTPUT =
            Pattern.compile("data\\.terraform_remote_state\\.[a-z_]+\\.outputs\\.([a-z0-9_]+)");
    private static final Pattern FUNCTION_CALL = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\(");
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("\\blocal\\.");

    TerraformRoot {
        requireNonNull(name, "name is null");
        blocksByType = Map.copyOf(blocksByType);
        requireNonNull(source, "source is null");
    }

    static TerraformRoot load(String directory) {
        StringBuilder source = new StringBuilder();
        for (Path file : RepositoryFiles.find(directory, ".tf")) {
            source.append(RepositoryFiles.read(file)).append('\n');
        }
        return of(directory, source.toString());
    }

    /** A root from HCL text; blocks of the same type are merged by label, as Terraform merges files. */
    static TerraformRoot of(String name, String text) {
        Map<String, Map<String, Object>> blocks = new LinkedHashMap<>();
        parse(text, name).forEach((type, value) -> {
            if (value instanceof Map<?, ?> labelled) {
                Map<String, Object> merged = blocks.computeIfAbsent(type, key -> new LinkedHashMap<>());
                labelled.forEach((label, body) -> merged.put(String.valueOf(label), body));
            }
        });
        return new TerraformRoot(name, blocks, text);
    }

    /**
     * Parses HCL text; a syntax error is an IllegalArgumentException naming the file.
     *
     * <p>hcl4j parses the full HCL grammar but also evaluates expressions eagerly, and fails on what only
     * Terraform can evaluate (functions of unknown values, locals built by for-expressions). Its evaluation
     * is switched off: every function called in the text is replaced by one returning null, and
     * {@code local.} references are renamed so that hcl4j keeps them unevaluated. hcl4j also accepts
     * unclosed brackets, so {@link HclBrackets} checks those first.
     */
    static Map<String, Object> parse(String text, String fileName) {
        HclBrackets.check(text, fileName);
        HCLParser parser = new HCLParser();
        Matcher call = FUNCTION_CALL.matcher(text);
        while (call.find()) {
            parser.registerFunction(call.group(1), arguments -> null);
        }
        try {
            return parser.parse(LOCAL_REFERENCE.matcher(text).replaceAll("locals_ref."), false);
        } catch (HCLParserException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot parse " + fileName + " as HCL: " + e.getMessage(), e);
        }
    }

    Map<String, Object> blocks(String type) {
        return blocksByType.getOrDefault(type, Map.of());
    }

    /** Resources of one type, by name: {@code resources("aws_db_instance")}. */
    Map<String, Map<String, Object>> resources(String resourceType) {
        Object typed = blocks("resource").get(resourceType);
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (typed instanceof Map<?, ?> byName) {
            byName.forEach((resourceName, body) -> result.put(String.valueOf(resourceName), attributes(body)));
        }
        return result;
    }

    /** Names of the outputs that this root reads from a terraform_remote_state data source. */
    List<String> remoteStateOutputsRead() {
        List<String> names = new java.util.ArrayList<>();
        Matcher direct = REMOTE_STATE_OUTPUT.matcher(source);
        while (direct.find()) {
            names.add(direct.group(1));
        }
        return names.stream().distinct().sorted().toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(Object body) {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
