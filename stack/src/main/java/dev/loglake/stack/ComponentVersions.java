package dev.loglake.stack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions of loglake and of the components it runs, as pinned in the root pom. */
public record ComponentVersions(String loglake, String trino, String hiveMetastore, String postgresql, String s3proxy) {
    public ComponentVersions {
        requireNonNull(loglake, "loglake is null");
        requireNonNull(trino, "trino is null");
        requireNonNull(hiveMetastore, "hiveMetastore is null");
        requireNonNull(postgresql, "postgresql is null");
        requireNonNull(s3proxy, "s3proxy is null");
    }

    public static ComponentVersions load() {
        Properties properties = new Properties();
        try (InputStream in = ComponentVersions.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from the loglake-stack jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ComponentVersions(
                required(properties, "loglake"),
                required(properties, "trino"),
                required(properties, "hive-metastore"),
                required(properties, "postgresql"),
                required(properties, "s3proxy"));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("versions.properties has no value for " + key);
        }
        return value;
    }
}
