package dev.loglake.stack.artifact;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.util.Optional;

/**
 * A file in a Maven repository, with the SHA-256 it must have where loglake pins one.
 *
 * @param extension the file extension, for example {@code jar} or {@code tar.gz}
 * @param classifier empty for the main artifact
 */
public record MavenArtifact(
        String groupId,
        String artifactId,
        String version,
        String extension,
        Optional<String> classifier,
        Optional<String> sha256) {
    public MavenArtifact {
        requireNonNull(groupId, "groupId is null");
        requireNonNull(artifactId, "artifactId is null");
        requireNonNull(version, "version is null");
        requireNonNull(extension, "extension is null");
        requireNonNull(classifier, "classifier is null");
        requireNonNull(sha256, "sha256 is null");
    }

    public static MavenArtifact jar(String groupId, String artifactId, String version) {
        return new MavenArtifact(groupId, artifactId, version, "jar", Optional.empty(), Optional.empty());
    }

    /** Parses {@code groupId:artifactId:version} followed by an optional SHA-256, as in metastore-jars.txt. */
    public static MavenArtifact parseJarLine(String line) {
        String[] fields = line.trim().split("\\s+");
        String[] coordinate = fields[0].split(":");
        if (coordinate.length != 3 || fields.length > 2) {
            throw LoglakeException.internal("Bad jar line, expected 'group:artifact:version [sha256]': " + line, null);
        }
        return new MavenArtifact(
                coordinate[0],
                coordinate[1],
                coordinate[2],
                "jar",
                Optional.empty(),
                fields.length == 2 ? Optional.of(fields[1]) : Optional.empty());
    }

    public MavenArtifact withClassifier(String value) {
        return new MavenArtifact(groupId, artifactId, version, extension, Optional.of(value), sha256);
    }

    public MavenArtifact withExtension(String value) {
        return new MavenArtifact(groupId, artifactId, version, value, classifier, sha256);
    }

    public MavenArtifact withSha256(String value) {
        return new MavenArtifact(groupId, artifactId, version, extension, classifier, Optional.of(value));
    }

    public String fileName() {
        return artifactId + "-" + version + classifier.map(value -> "-" + value).orElse("") + "." + extension;
    }

    /** The path below a repository root, for example {@code io/trino/trino-jdbc/476/trino-jdbc-476.jar}. */
    public String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + ":" + extension
                + classifier.map(":"::concat).orElse("");
    }
}
