package dev.loglake.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Dockerfile linter for the rules this project holds its images to: every base image has an
 * explicit tag other than "latest" (or a digest), the final stage switches to a non-root USER, no
 * remote ADD (it skips checksum verification), and no secret baked into ENV or ARG.
 */
final class DockerfileLinter {
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|ACCESS_KEY).*");

    private DockerfileLinter() {}

    /** An instruction: keyword upper-cased, arguments with line continuations joined, 1-based line. */
    record Instruction(String keyword, String arguments, int line) {}

    static List<Instruction> instructions(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        String[] lines = dockerfile.split("\n", -1);
        StringBuilder current = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (current.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (current.length() > 0 && line.startsWith("#")) {
                continue; // comment lines inside a continued instruction
            }
            if (current.length() == 0) {
                start = i + 1;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String text = current.toString().strip();
            int space = text.indexOf(' ');
            String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
            instructions.add(new Instruction(
                    keyword, space < 0 ? "" : text.substring(space + 1).strip(), start));
            current.setLength(0);
        }
        return instructions;
    }

    static List<String> problems(String dockerfile, String fileName) {
        List<String> problems = new ArrayList<>();
        Map<String, String> globalArgs = new HashMap<>();
        Map<String, String> stageArgs = new HashMap<>();
        Set<String> stageNames = new HashSet<>();
        boolean inStage = false;
        String user = null;
        int stages = 0;
        for (Instruction instruction : instructions(dockerfile)) {
            String where = fileName + ":" + instruction.line();
            switch (instruction.keyword()) {
                case "ARG" -> {
                    String[] nameAndDefault = instruction.arguments().split("=", 2);
                    String name = nameAndDefault[0].strip();
                    String value = nameAndDefault.length > 1 ? unquote(nameAndDefault[1].strip()) : null;
                    checkSecret(name, value, where, problems);
                    if (inStage) {
                        stageArgs.put(name, value != null ? value : globalArgs.get(name));
                    } else {
                        globalArgs.put(name, value);
                    }
                }
                case "FROM" -> {
                    stages++;
                    inStage = true;
                    stageArgs.clear();
                    user = null;
                    List<String> words =
                            new ArrayList<>(List.of(instruction.arguments().split("\\s+")));
                    words.removeIf(word -> word.startsWith("--"));
                    String image = substitute(words.get(0), globalArgs);
                    checkBaseImage(image, stageNames, where, problems);
                    if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
                        stageNames.add(words.get(2).toLowerCase(Locale.ROOT));
                    }
                }
                case "USER" -> {
                    Map<String, String> scope = new HashMap<>(globalArgs);
                    scope.putAll(stageArgs);
                    user = substitute(instruction.arguments(), scope);
                }
                case "ADD" -> {
                    if (instruction.arguments().matches("(?s).*\\bhttps?://.*")) {
                        problems.add(where + ": ADD of a remote URL skips checksum verification; download with "
                                + "curl and check its SHA-256");
                    }
                }
                case "ENV" -> {
                    for (String assignment : instruction.arguments().split("\\s+(?=[A-Za-z_][A-Za-z0-9_]*=)")) {
                        String[] nameAndValue = assignment.split("=", 2);
                        checkSecret(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : null, where, problems);
                    }
                }
                default -> {}
            }
        }
        if (stages == 0) {
            problems.add(fileName + ": no FROM instruction");
        } else if (user == null) {
            problems.add(fileName + ": the final stage runs as root: it has no USER instruction");
        } else {
            String name = user.split(":", 2)[0];
            if (name.equals("root") || name.equals("0") || name.isBlank()) {
                problems.add(fileName + ": the final stage runs as root (USER " + user + ")");
            }
        }
        return problems;
    }

    private static void checkBaseImage(String image, Set<String> stageNames, String where, List<String> problems) {
        if (stageNames.contains(image.toLowerCase(Locale.ROOT)) || image.equals("scratch")) {
            return;
        }
        if (image.contains("$")) {
            problems.add(where + ": base image " + image + " uses an ARG without a default value");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        if (colon < 0) {
            problems.add(where + ": base image " + image + " has no tag; pin an exact tag or a digest");
        } else if (lastSegment.substring(colon + 1).equals("latest")) {
            problems.add(where + ": base image " + image + " uses the tag 'latest'; pin an exact tag or a digest");
        }
    }

    private static void checkSecret(String name, String value, String where, List<String> problems) {
        if (SECRET_NAME.matcher(name).matches()
                && value != null
                && !unquote(value).isEmpty()) {
            problems.add(where + ": " + name + " bakes a secret into the image; pass it at run time");
        }
    }

    private static String substitute(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value = variables.get(name);
            matcher.appendReplacement(result, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\""))
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
