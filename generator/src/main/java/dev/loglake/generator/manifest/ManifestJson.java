package dev.loglake.generator.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads and writes manifests as JSON, from files or from S3, so any module's tests can load one. */
public final class ManifestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {}

    public static byte[] toJson(Manifest manifest) {
        try {
            return MAPPER.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw LoglakeException.internal("Cannot write manifest as JSON", e);
        }
    }

    public static Manifest fromJson(byte[] json, String origin) {
        try {
            return MAPPER.readValue(json, Manifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw LoglakeException.user("Cannot read manifest %s: %s", origin, e.getMessage());
        }
    }

    public static Manifest read(Path file) {
        try {
            return fromJson(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw LoglakeException.user("Cannot read manifest file %s: %s", file, e.getMessage());
        }
    }

    public static Manifest read(S3Client s3, String bucket, String key) {
        try {
            return fromJson(
                    s3.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                            .asByteArray(),
                    "s3://" + bucket + "/" + key);
        } catch (SdkException e) {
            throw LoglakeException.external(
                    "Cannot read manifest s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    public static void write(Manifest manifest, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, toJson(manifest));
        } catch (IOException e) {
            throw LoglakeException.user("Cannot write manifest file %s: %s", file, e.getMessage());
        }
    }
}
