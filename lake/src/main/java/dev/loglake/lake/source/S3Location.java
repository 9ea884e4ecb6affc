package dev.loglake.lake.source;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 bucket and key prefix, as a user writes it: {@code s3://bucket/prefix}. The prefix is kept as a folder
 * (ending in '/', or empty for the whole bucket), because a source's objects are listed under it by folders.
 */
public record S3Location(String bucket, String prefix) {
    // S3's bucket naming rules: 3-63 lower-case letters, digits, '.' and '-'.
    private static final Pattern URI = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(.*))?");

    public S3Location {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(prefix, "prefix is null");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must be empty or end with '/': " + prefix);
        }
    }

    /** Parses {@code s3://bucket[/prefix[/]]}; a user error names the value and the expected form. */
    public static S3Location parse(String uri) {
        Matcher matcher = URI.matcher(uri == null ? "" : uri);
        if (!matcher.matches() || (matcher.group(2) != null && ("/" + matcher.group(2)).contains("//"))) {
            throw LoglakeException.user(
                    "Invalid location '%s': expected s3://BUCKET/PREFIX, such as s3://my-logs/alb/ (a bucket name of"
                            + " 3-63 lower-case letters, digits, '.' or '-', then the key prefix of the logs).",
                    uri);
        }
        String prefix = matcher.group(2) == null ? "" : matcher.group(2);
        return new S3Location(matcher.group(1), prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** {@code s3://bucket/prefix} of a key under this bucket. */
    public String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uri(prefix);
    }
}
