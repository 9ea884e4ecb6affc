package dev.loglake.stack.artifact;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads Maven artifacts once into a cache outside the work tree and verifies them: against the
 * SHA-256 loglake pins where it pins one, otherwise against the repository's own {@code .sha1}.
 * A file is only ever visible in the cache once it is complete and verified.
 */
public final class ArtifactCache {
    private static final Logger log = LoggerFactory.getLogger(ArtifactCache.class);

    private final Path root;
    private final URI repository;
    private final HttpClient http;

    public ArtifactCache(Path cacheDirectory, URI repository) {
        this.root = requireNonNull(cacheDirectory, "cacheDirectory is null").resolve("maven");
        this.repository = requireNonNull(repository, "repository is null");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The local path of {@code artifact}, downloading and verifying it first if it is not cached. */
    public Path get(MavenArtifact artifact) {
        Path target = root.resolve(artifact.repositoryPath());
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            download(artifact, partial);
            verify(artifact, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw LoglakeException.external("Cannot download " + artifact + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private void download(MavenArtifact artifact, Path partial) throws IOException {
        URI uri = uri(artifact.repositoryPath());
        log.info("Downloading {} from {} (once; cached in {})", artifact.fileName(), repository, root);
        HttpResponse<InputStream> response = send(uri, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw LoglakeException.external(
                    "Cannot download %s: %s answered HTTP %d. Check stack.maven-repository (%s) and the network.",
                    artifact, uri, response.statusCode(), repository);
        }
        long total = response.headers().firstValueAsLong("content-length").orElse(-1);
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(partial)) {
            copyWithProgress(in, out, total, artifact.fileName());
        }
    }

    private static void copyWithProgress(InputStream in, OutputStream out, long total, String name) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        long nextReport = 50L << 20;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
            copied += read;
            if (copied >= nextReport) {
                log.info("  {}: {} of {} MB", name, copied >> 20, total > 0 ? String.valueOf(total >> 20) : "?");
                nextReport += 50L << 20;
            }
        }
    }

    private void verify(MavenArtifact artifact, Path partial) throws IOException {
        String expected;
        String algorithm;
        if (artifact.sha256().isPresent()) {
            expected = artifact.sha256().get();
            algorithm = "SHA-256";
        } else {
            expected =
                    fetchText(uri(artifact.repositoryPath() + ".sha1")).trim().split("\\s+")[0];
            algorithm = "SHA-1";
        }
        String actual = digest(partial, algorithm);
        if (!actual.equalsIgnoreCase(expected)) {
            Files.deleteIfExists(partial);
            throw LoglakeException.external(
                    "Corrupt download of %s: its %s is %s but should be %s. The file was deleted; run the command "
                            + "again to download it anew. If this repeats, check stack.maven-repository (%s).",
                    artifact, algorithm, actual, expected.toLowerCase(Locale.ROOT), repository);
        }
    }

    private String fetchText(URI uri) throws IOException {
        HttpResponse<String> response = send(uri, HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        if (response.statusCode() != 200) {
            throw LoglakeException.external("Cannot fetch checksum %s: HTTP %d", uri, response.statusCode());
        }
        return response.body();
    }

    private <T> HttpResponse<T> send(URI uri, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
    }

    private URI uri(String path) {
        return URI.create(repository + "/" + path);
    }

    public static String digest(Path file, String algorithm) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
