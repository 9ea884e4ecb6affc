package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * How to reach S3 or an S3-compatible server.
 *
 * @param endpoint empty for AWS itself; the server's URL otherwise
 * @param accessKey empty to use the default AWS credential chain (IRSA, instance profile, env)
 */
public record S3Config(
        Optional<URI> endpoint,
        String region,
        Optional<String> accessKey,
        Optional<String> secretKey,
        boolean pathStyleAccess) {
    public static final String ENDPOINT = "s3.endpoint";
    public static final String REGION = "s3.region";
    public static final String ACCESS_KEY = "s3.access-key";
    public static final String SECRET_KEY = "s3.secret-key";
    public static final String PATH_STYLE_ACCESS = "s3.path-style-access";

    static final List<ConfigProperty> PROPERTIES = List.of(
            ConfigProperty.of(ENDPOINT, "", "URL of an S3-compatible server; empty for AWS S3."),
            ConfigProperty.of(REGION, "us-east-1", "AWS region of the buckets."),
            ConfigProperty.secret(ACCESS_KEY, "Access key; empty to use the default AWS credential chain."),
            ConfigProperty.secret(SECRET_KEY, "Secret key that goes with s3.access-key."),
            ConfigProperty.of(
                    PATH_STYLE_ACCESS,
                    "false",
                    "Address buckets as host/bucket (needed by most S3-compatible servers)."));

    public S3Config {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(region, "region is null");
        requireNonNull(accessKey, "accessKey is null");
        requireNonNull(secretKey, "secretKey is null");
        if (region.isBlank()) {
            throw LoglakeException.user(
                    "Invalid value for %s: it is empty. Expected a region such as us-east-1.", REGION);
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw LoglakeException.user(
                    "%s and %s must be set together (one of them is empty). "
                            + "Set both, or neither to use the default AWS credential chain.",
                    ACCESS_KEY, SECRET_KEY);
        }
    }

    public static S3Config from(Settings settings) {
        return new S3Config(
                settings.getOptional(ENDPOINT).map(value -> endpoint(value.trim(), settings.source(ENDPOINT))),
                settings.get(REGION).trim(),
                settings.getOptional(ACCESS_KEY),
                settings.getOptional(SECRET_KEY),
                settings.getBoolean(PATH_STYLE_ACCESS));
    }

    private static URI endpoint(String value, String source) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the key and its source
        }
        throw LoglakeException.user(
                "Invalid value for %s: '%s' (%s). Expected an http:// or https:// URL such as http://127.0.0.1:19000.",
                ENDPOINT, value, source);
    }
}
