package dev.loglake.stack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;

/**
 * The local stack's credentials: generated at random when a stack is first created, stored in its data
 * directory readable by the owner only, never in the repository. They protect nothing beyond this
 * machine's loopback interface, but no fixed password is ever shipped.
 */
public record LocalCredentials(String postgresPassword, String s3AccessKey, String s3SecretKey) {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public LocalCredentials {
        requireNonNull(postgresPassword, "postgresPassword is null");
        requireNonNull(s3AccessKey, "s3AccessKey is null");
        requireNonNull(s3SecretKey, "s3SecretKey is null");
    }

    public static Optional<LocalCredentials> loadIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new LocalCredentials(
                properties.getProperty("postgres.password"),
                properties.getProperty("s3.access-key"),
                properties.getProperty("s3.secret-key")));
    }

    public static LocalCredentials loadOrCreate(Path file) {
        Optional<LocalCredentials> existing = loadIfPresent(file);
        if (existing.isPresent()) {
            return existing.get();
        }
        SecureRandom random = new SecureRandom();
        LocalCredentials created =
                new LocalCredentials(token(random, 24), "local" + token(random, 15), token(random, 32));
        Properties properties = new Properties();
        properties.setProperty("postgres.password", created.postgresPassword());
        properties.setProperty("s3.access-key", created.s3AccessKey());
        properties.setProperty("s3.secret-key", created.s3SecretKey());
        writePrivate(file, properties, "Local-only credentials of this loglake stack, generated at random.");
        return created;
    }

    /** Writes a properties file that only its owner can read. */
    static void writePrivate(Path file, Properties properties, String comment) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, comment);
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String token(SecureRandom random, int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
