package dev.loglake.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source text of Terraform blocks, for checks hcl4j cannot make: it does not keep references such as
 * {@code depends_on = [helm_release.x]} or repeated nested blocks. Braces inside strings ({@code "${a.b}"})
 * are balanced in valid HCL, so counting braces finds a block's end; {@link HclBrackets} has checked that
 * the files pair their brackets.
 */
final class TerraformBlocks {
    private static final Pattern REFERENCE_LIST = Pattern.compile("depends_on\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern MANIFEST_FILE = Pattern.compile("\"([a-z0-9-]+/[a-z0-9-]+\\.yaml)\"");
    private static final Pattern TOP_LEVEL_HEADER = Pattern.compile("(?m)^(?:resource|data|module)\\b[^\\n{]*\\{");

    private TerraformBlocks() {}

    /** The text of the block whose header is {@code header} (such as {@code resource "a" "b"}), braces included. */
    static String block(String source, String header) {
        int start = source.indexOf(header + " {");
        if (start < 0) {
            throw new IllegalArgumentException("No block '" + header + " {' in the Terraform source");
        }
        return source.substring(start, end(source, source.indexOf('{', start)));
    }

    /** The texts of the resource, data and module blocks of a file, in order. */
    static List<String> topLevel(String source) {
        List<String> blocks = new ArrayList<>();
        Matcher header = TOP_LEVEL_HEADER.matcher(source);
        while (header.find()) {
            blocks.add(source.substring(header.start(), end(source, header.end() - 1)));
        }
        return blocks;
    }

    /** The texts of the nested blocks named {@code type} (such as {@code statement}) inside {@code block}. */
    static List<String> nested(String block, String type) {
        List<String> blocks = new ArrayList<>();
        Matcher header = Pattern.compile("(?m)^\\s*" + type + "\\s*\\{").matcher(block);
        while (header.find()) {
            blocks.add(block.substring(header.start(), end(block, header.end() - 1)));
        }
        return blocks;
    }

    /** The references of the block's depends_on, e.g. {@code helm_release.trino}; empty without one. */
    static List<String> dependsOn(String block) {
        Matcher list = REFERENCE_LIST.matcher(block);
        if (!list.find()) {
            return List.of();
        }
        return Pattern.compile("[\\s,]+")
                .splitAsStream(list.group(1).replaceAll("#[^\\n]*", ""))
                .filter(reference -> !reference.isBlank())
                .toList();
    }

    /** The k8s/ files (relative to k8s/, such as {@code metastore/service.yaml}) a block names. */
    static List<String> manifestFiles(String block) {
        List<String> files = new ArrayList<>();
        Matcher file = MANIFEST_FILE.matcher(block);
        while (file.find()) {
            files.add(file.group(1));
        }
        return files;
    }

    private static int end(String source, int openBrace) {
        int depth = 0;
        for (int i = openBrace; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("The block at offset " + openBrace + " is never closed");
    }
}
