package dev.loglake.it.rehearsal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What cli/docker/Dockerfile makes of the image the CronJobs run, read from its final stage: the ENTRYPOINT, the ENV,
 * the WORKDIR, the user's home, and which file of the build each copied path is (the build stage builds the
 * repository in /src, so /src/cli/target/loglake.jar is this repository's cli/target/loglake.jar).
 *
 * @param javaMajor the Java version of the runtime image (ARG RUNTIME_IMAGE=eclipse-temurin:17...)
 * @param copies image path to the path inside the build's /src, for each {@code COPY --from=build}
 */
record CliImage(
        int javaMajor,
        List<String> entrypoint,
        Map<String, String> environment,
        String workdir,
        String home,
        Map<String, String> copies) {
    private static final Pattern RUNTIME_IMAGE = Pattern.compile("(?m)^ARG RUNTIME_IMAGE=eclipse-temurin:(\\d+)[.-]");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$");
    private static final Pattern ENV = Pattern.compile("(?m)^ENV\\s+(.*)$");
    private static final Pattern ENV_VALUE = Pattern.compile("^([A-Z_][A-Z0-9_]*)=\"([^\"]*)\"$");
    private static final Pattern WORKDIR = Pattern.compile("(?m)^WORKDIR\\s+(\\S+)\\s*$");
    private static final Pattern HOME = Pattern.compile("--home-dir\\s+(\\S+)");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+--from=build\\s+/src/(\\S+)\\s+(\\S+)\\s*$");

    CliImage {
        entrypoint = List.copyOf(entrypoint);
        environment = Map.copyOf(environment);
        requireNonNull(workdir, "workdir is null");
        requireNonNull(home, "home is null");
        copies = Map.copyOf(copies);
    }

    static CliImage read(String dockerfile, Path origin) {
        String finalStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        return new CliImage(
                Integer.parseInt(
                        last(RUNTIME_IMAGE, dockerfile, "ARG RUNTIME_IMAGE=eclipse-temurin:<version>", origin)),
                entrypoint(finalStage, origin),
                environment(finalStage, origin),
                last(WORKDIR, finalStage, "WORKDIR", origin),
                last(HOME, finalStage, "useradd --home-dir", origin),
                copies(finalStage));
    }

    /** The build's file that the image holds at {@code imagePath}, relative to the repository. */
    String buildFileAt(String imagePath) {
        String source = copies.get(imagePath);
        if (source == null) {
            throw new AssertionError("The CLI image has no file at " + imagePath + " copied from the build; it copies "
                    + copies.keySet());
        }
        return source;
    }

    private static List<String> entrypoint(String stage, Path origin) {
        Matcher matcher = ENTRYPOINT.matcher(stage);
        if (!matcher.find()) {
            throw new AssertionError(origin + " has no ENTRYPOINT in exec form [\"...\"] in its final stage");
        }
        try {
            return Arrays.asList(new ObjectMapper().readValue(matcher.group(1), String[].class));
        } catch (JsonProcessingException e) {
            throw new AssertionError("ENTRYPOINT of " + origin + " is not a JSON array: " + matcher.group(1), e);
        }
    }

    private static Map<String, String> environment(String stage, Path origin) {
        Map<String, String> environment = new LinkedHashMap<>();
        Matcher line = ENV.matcher(stage);
        while (line.find()) {
            Matcher value = ENV_VALUE.matcher(line.group(1).strip());
            if (!value.matches()) {
                throw new AssertionError(
                        "ENV of " + origin + " is not of the form NAME=\"value\" this test reads: " + line.group(0));
            }
            environment.put(value.group(1), value.group(2));
        }
        return environment;
    }

    private static String last(Pattern pattern, String stage, String what, Path origin) {
        Matcher matcher = pattern.matcher(stage);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        if (last == null) {
            throw new AssertionError(origin + " has no " + what + " in its final stage");
        }
        return last;
    }

    /** Image path to build path; a copied folder ends with '/' on both sides. */
    private static Map<String, String> copies(String stage) {
        Map<String, String> copies = new LinkedHashMap<>();
        Matcher matcher = COPY.matcher(stage);
        while (matcher.find()) {
            copies.put(matcher.group(2), matcher.group(1));
        }
        return copies;
    }
}
