package dev.loglake.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks module blocks against the files of their pinned versions, vendored under {@link #VENDORED} (see its
 * README.md). Terraform itself finds an unknown argument only at init or plan, which need the registry, and never
 * finds an unknown key inside a map input that the module reads key by key: that key is silently ignored.
 */
final class ModuleInputRules {
    static final String VENDORED = "deployment-tests/src/test/resources/terraform-modules";

    private static final Set<String> META_ARGUMENTS =
            Set.of("source", "version", "providers", "count", "for_each", "depends_on");
    private static final Pattern REGISTRY_SOURCE = Pattern.compile("([^/:]+/[^/:]+/[^/:]+)(?://(.+))?");
    private static final Pattern KEY_READ =
            Pattern.compile("each\\.value\\.(\\w+)|lookup\\(each\\.value,\\s*\"(\\w+)\"|\\bv\\.(\\w+)");

    /** Map inputs whose entries a module reads key by key (the entries' own keys are not variables). */
    private static final Map<String, List<EntryInput>> ENTRY_INPUTS = Map.of(
            "terraform-aws-modules/eks/aws",
            List.of(
                    new EntryInput("eks_managed_node_groups", "node_groups.tf", "modules/eks-managed-node-group"),
                    new EntryInput("cluster_addons", "main.tf", null)));

    /**
     * A map input: the vendored file whose blocks iterate it, and the sub-module its entries feed, if any (only to
     * say, in an error, that the module sets that sub-module variable itself rather than taking it from an entry).
     */
    private record EntryInput(String variable, String readBy, String submodule) {}

    /** A module pin: registry address, sub-module path (or null) and version. */
    private record Pin(String registry, String submodule, String version) {
        /** The pin of a module block; empty when its source is not a registry address. */
        static Optional<Pin> of(Map<String, Object> module) {
            Matcher source = REGISTRY_SOURCE.matcher(String.valueOf(module.get("source")));
            return source.matches()
                    ? Optional.of(new Pin(source.group(1), source.group(2), String.valueOf(module.get("version"))))
                    : Optional.empty();
        }

        Path versionDirectory() {
            return RepositoryFiles.root().resolve(VENDORED).resolve(registry).resolve(version);
        }

        Path moduleDirectory() {
            return submodule == null ? versionDirectory() : versionDirectory().resolve(submodule);
        }

        String address() {
            return registry + (submodule == null ? "" : "//" + submodule);
        }

        String name() {
            return address() + " " + version;
        }
    }

    private ModuleInputRules() {}

    /** The problems of every module block of one file (a TerraformRoot named after the file). */
    static List<String> problems(TerraformRoot file) {
        List<String> problems = new ArrayList<>();
        file.blocks("module")
                .forEach((name, body) -> problems.addAll(
                        moduleProblems(file.name() + ": module \"" + name + "\"", TerraformRoot.attributes(body))));
        return problems;
    }

    /** The vendored version folders, such as {@code terraform-aws-modules/eks/aws/20.37.1}. */
    static Set<String> vendoredVersions() {
        Path vendored = RepositoryFiles.path(VENDORED);
        try (Stream<Path> files = Files.walk(vendored)) {
            Set<String> versions = new TreeSet<>();
            files.filter(file -> file.getFileName().toString().equals("SOURCE.md"))
                    .forEach(file ->
                            versions.add(vendored.relativize(file.getParent()).toString()));
            return Set.copyOf(versions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + VENDORED, e);
        }
    }

    /** The vendored version folder a module block pins, as {@link #vendoredVersions()} names it. */
    static String pinnedVersion(Map<String, Object> module) {
        return Pin.of(module).map(pin -> pin.registry() + "/" + pin.version()).orElse("");
    }

    private static List<String> moduleProblems(String where, Map<String, Object> module) {
        Optional<Pin> pinned = Pin.of(module);
        if (pinned.isEmpty()) {
            return List.of(where + " has source " + module.get("source")
                    + ", not a registry module (namespace/name/provider[//path]); only those are vendored and checked");
        }
        Pin pin = pinned.get();
        if (!Files.isDirectory(pin.versionDirectory())) {
            return List.of(where + " pins " + pin.name() + ", but " + VENDORED + "/" + pin.registry()
                    + " holds only " + versionsOf(pin.registry()) + ": vendor the files its SOURCE.md lists, from tag v"
                    + pin.version() + ", into " + pin.version() + "/ there and delete the old folder");
        }
        List<String> problems = new ArrayList<>();
        Set<String> variables = variables(pin.moduleDirectory());
        module.keySet().stream()
                .filter(argument -> !META_ARGUMENTS.contains(argument) && !variables.contains(argument))
                .sorted()
                .forEach(argument ->
                        problems.add(where + " sets " + argument + ", which is not a variable of " + pin.name()));
        for (EntryInput input : ENTRY_INPUTS.getOrDefault(pin.address(), List.of())) {
            problems.addAll(entryProblems(where, pin, input, TerraformRoot.attributes(module.get(input.variable()))));
        }
        return problems;
    }

    private static List<String> entryProblems(String where, Pin pin, EntryInput input, Map<String, Object> entries) {
        Set<String> read = keysRead(pin.versionDirectory().resolve(input.readBy()), input.variable());
        Set<String> submoduleVariables = input.submodule() == null
                ? Set.of()
                : variables(pin.versionDirectory().resolve(input.submodule()));
        List<String> problems = new ArrayList<>();
        entries.forEach((entry, body) -> TerraformRoot.attributes(body).keySet().stream()
                .filter(key -> !read.contains(key))
                .sorted()
                .forEach(key -> problems.add(where + " " + input.variable() + "[\"" + entry + "\"] sets " + key
                        + ", which " + pin.name() + " does not read from an entry (" + input.readBy() + ")"
                        + (submoduleVariables.contains(key)
                                ? "; it sets that variable of " + input.submodule() + " itself"
                                : ""))));
        return problems;
    }

    /** The keys of an entry of {@code var.<variable>} that the blocks iterating it read. */
    private static Set<String> keysRead(Path file, String variable) {
        Set<String> keys = new TreeSet<>();
        List<String> blocks = TerraformBlocks.topLevel(RepositoryFiles.read(file)).stream()
                .filter(block -> block.contains(" in var." + variable + " :"))
                .toList();
        if (blocks.isEmpty()) {
            throw new IllegalStateException("No block of " + RepositoryFiles.relative(file) + " iterates var."
                    + variable + ": this version reads its entries elsewhere; update ModuleInputRules.ENTRY_INPUTS");
        }
        for (String block : blocks) {
            Matcher key = KEY_READ.matcher(block);
            while (key.find()) {
                keys.add(key.group(1) != null ? key.group(1) : key.group(2) != null ? key.group(2) : key.group(3));
            }
        }
        return Set.copyOf(keys);
    }

    private static Set<String> variables(Path moduleDirectory) {
        Path file = moduleDirectory.resolve("variables.tf");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Cannot find " + RepositoryFiles.relative(file)
                    + ": vendor the module's variables.tf (see the SOURCE.md of its version)");
        }
        Set<String> variables = TerraformRoot.of(RepositoryFiles.relative(file), RepositoryFiles.read(file))
                .blocks("variable")
                .keySet();
        if (variables.isEmpty()) {
            throw new IllegalStateException(RepositoryFiles.relative(file) + " declares no variable");
        }
        return Set.copyOf(variables);
    }

    private static String versionsOf(String registry) {
        return vendoredVersions().stream()
                .filter(version -> version.startsWith(registry + "/"))
                .map(version -> version.substring(registry.length() + 1))
                .toList()
                .toString();
    }
}
