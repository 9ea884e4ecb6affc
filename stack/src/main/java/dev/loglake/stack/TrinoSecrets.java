package dev.loglake.stack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The secure stack's Trino secrets: the passwords of the ETL user and the analyst, the nodes' internal shared
 * secret and the keystore's password. Generated at random on the first secure start, kept beside the stack's
 * other credentials (owner-only), never in the repository.
 */
public record TrinoSecrets(
        String loglakePassword, String analystPassword, String sharedSecret, String keystorePassword) {
    /** The read-only user of the access-control rules, as an analyst connects with DBeaver. */
    public static final String ANALYST = "analyst";

    public TrinoSecrets {
        requireNonNull(loglakePassword, "loglakePassword is null");
        requireNonNull(analystPassword, "analystPassword is null");
        requireNonNull(sharedSecret, "sharedSecret is null");
        requireNonNull(keystorePassword, "keystorePassword is null");
    }

    public static TrinoSecrets loadOrCreate(Path file) {
        if (Files.isRegularFile(file)) {
            return load(file);
        }
        SecureRandom random = new SecureRandom();
        TrinoSecrets created = new TrinoSecrets(
                LocalCredentials.token(random, 24),
                LocalCredentials.token(random, 24),
                LocalCredentials.token(random, 48),
                LocalCredentials.token(random, 24));
        Properties properties = new Properties();
        properties.setProperty("trino.loglake.password", created.loglakePassword());
        properties.setProperty("trino.analyst.password", created.analystPassword());
        properties.setProperty("trino.internal-shared-secret", created.sharedSecret());
        properties.setProperty("trino.keystore.password", created.keystorePassword());
        LocalCredentials.writePrivate(
                file, properties, "Local-only Trino secrets of this loglake stack, generated at random.");
        return created;
    }

    private static TrinoSecrets load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TrinoSecrets(
                required(properties, "trino.loglake.password", file),
                required(properties, "trino.analyst.password", file),
                required(properties, "trino.internal-shared-secret", file),
                required(properties, "trino.keystore.password", file));
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw dev.loglake.core.LoglakeException.user(
                    "%s has no %s. Delete the file and its keystore beside it to generate new secrets.", file, key);
        }
        return value;
    }

    @Override
    public String toString() {
        return "TrinoSecrets[...]";
    }
}
