package dev.loglake.it.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Certificates made with openssl for a test: a CA standing in for the RDS CA, a server certificate it signed for
 * {@code IP:127.0.0.1} only (as an RDS certificate names the instance's host), and a second, unrelated CA.
 */
record Certificates(Path caCertificate, Path serverCertificate, Path serverKey, Path otherCaCertificate) {
    static Certificates make(Path directory) {
        try {
            Files.createDirectories(directory);
            authority(directory, "ca", "loglake test RDS CA");
            authority(directory, "other-ca", "loglake test unrelated CA");
            Files.writeString(directory.resolve("server.ext"), "subjectAltName = IP:127.0.0.1\n");
            Shell.tool(
                            directory,
                            "openssl",
                            "req",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-keyout",
                            "server.key",
                            "-out",
                            "server.csr",
                            "-subj",
                            "/CN=127.0.0.1")
                    .requireSuccess("openssl req (server)");
            Shell.tool(
                            directory,
                            "openssl",
                            "x509",
                            "-req",
                            "-in",
                            "server.csr",
                            "-CA",
                            "ca.crt",
                            "-CAkey",
                            "ca.key",
                            "-CAcreateserial",
                            "-days",
                            "2",
                            "-extfile",
                            "server.ext",
                            "-out",
                            "server.crt")
                    .requireSuccess("openssl x509 (server)");
            // PostgreSQL refuses a key that others may read.
            Files.setPosixFilePermissions(
                    directory.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make certificates in " + directory, e);
        }
        return new Certificates(
                directory.resolve("ca.crt"),
                directory.resolve("server.crt"),
                directory.resolve("server.key"),
                directory.resolve("other-ca.crt"));
    }

    private static void authority(Path directory, String name, String commonName) {
        Shell.tool(
                        directory,
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-keyout",
                        name + ".key",
                        "-out",
                        name + ".crt",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=" + commonName)
                .requireSuccess("openssl req (" + name + ")");
    }
}
