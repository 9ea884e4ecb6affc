package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.loglake.core.LoglakeException;
import dev.loglake.stack.JavaRuntimes;
import dev.loglake.stack.TrinoSecrets;
import dev.loglake.stack.process.Daemons;
import dev.loglake.stack.process.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The secure stack's Trino, as production runs it: clients speak HTTPS only (a self-signed certificate for
 * 127.0.0.1, made at the first start), users sign in with a password (file authenticator, bcrypt), the nodes
 * share an internal secret, and the access-control rules are the Helm chart's own file (k8s/trino). Nodes talk to
 * each other over HTTP on loopback, authenticated by the shared secret.
 *
 * @param secretsDirectory where the keystore and the certificate live, readable by the owner only
 * @param internalPort the coordinator's HTTP port for its workers
 */
public record SecureTrino(Path secretsDirectory, int internalPort, TrinoSecrets secrets) {
    /** The rules file of the Helm chart's values, copied into the stack's jar by the build. */
    static final String RULES_RESOURCE = "/dev/loglake/stack/trino/access-control-rules.json";

    private static final String SHARED_SECRET_VARIABLE = "LOGLAKE_STACK_TRINO_SHARED_SECRET";
    private static final String KEYSTORE_PASSWORD_VARIABLE = "LOGLAKE_STACK_TRINO_KEYSTORE_PASSWORD";
    /** bcrypt's cost: Trino asks for at least 8; 10 keeps a sign-in near 100 ms. */
    private static final int BCRYPT_COST = 10;

    public SecureTrino {
        requireNonNull(secretsDirectory, "secretsDirectory is null");
        requireNonNull(secrets, "secrets is null");
    }

    /** The PKCS12 keystore with the coordinator's key and self-signed certificate. */
    public Path keystore() {
        return secretsDirectory.resolve("trino-keystore.p12");
    }

    /** The certificate in PEM: the trust store of JDBC clients and DBeaver (SSLTrustStorePath). */
    public Path certificate() {
        return secretsDirectory.resolve("trino-certificate.pem");
    }

    /** A JDBC URL that verifies the certificate fully (its SAN holds IP:127.0.0.1). */
    public String jdbcUrl(int port) {
        return "jdbc:trino://" + Ports.LOOPBACK + ":" + port + "?SSL=true&SSLVerification=FULL&SSLTrustStorePath="
                + certificate();
    }

    /** The secrets Trino's properties name as {@code ${ENV:...}}, so that no properties file holds them. */
    Map<String, String> environment() {
        return Map.of(
                SHARED_SECRET_VARIABLE, secrets.sharedSecret(), KEYSTORE_PASSWORD_VARIABLE, secrets.keystorePassword());
    }

    /** Every node, coordinator or worker, authenticates internal requests with the shared secret. */
    List<String> nodeProperties() {
        return List.of("internal-communication.shared-secret=${ENV:" + SHARED_SECRET_VARIABLE + "}");
    }

    List<String> coordinatorProperties(int clientPort, Path etc) {
        return List.of(
                "http-server.http.port=" + internalPort,
                "http-server.https.enabled=true",
                "http-server.https.port=" + clientPort,
                "http-server.https.keystore.path=" + keystore(),
                "http-server.https.keystore.key=${ENV:" + KEYSTORE_PASSWORD_VARIABLE + "}",
                "http-server.authentication.type=PASSWORD",
                "password-authenticator.config-files=" + etc.resolve("password-authenticator.properties"),
                "access-control.config-files=" + etc.resolve("access-control.properties"));
    }

    /** Makes the keystore on the first start, and writes the coordinator's password and access-control files. */
    void prepareCoordinator(Path etc) {
        createKeystoreIfMissing();
        Path passwords = etc.resolve("password.db");
        writePrivate(
                passwords,
                passwordLine("loglake", secrets.loglakePassword())
                        + passwordLine(TrinoSecrets.ANALYST, secrets.analystPassword()));
        TrinoNode.write(
                etc.resolve("password-authenticator.properties"),
                "password-authenticator.name=file\nfile.password-file=" + passwords + "\n");
        Path rules = etc.resolve("access-control-rules.json");
        TrinoNode.write(rules, rules());
        TrinoNode.write(
                etc.resolve("access-control.properties"),
                "access-control.name=file\nsecurity.config-file=" + rules + "\n");
    }

    static String rules() {
        try (InputStream in = SecureTrino.class.getResourceAsStream(RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RULES_RESOURCE + " is missing from the loglake-stack jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String passwordLine(String user, String password) {
        return user + ":" + BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray()) + "\n";
    }

    /**
     * A 2048-bit RSA key and a self-signed certificate for IP:127.0.0.1, valid ten years, made with the JDK's
     * keytool. The password reaches keytool through its environment, never its command line.
     */
    private void createKeystoreIfMissing() {
        if (Files.isRegularFile(keystore()) && Files.isRegularFile(certificate())) {
            return;
        }
        try {
            Files.createDirectories(secretsDirectory);
            Files.setPosixFilePermissions(secretsDirectory, PosixFilePermissions.fromString("rwx------"));
            Files.deleteIfExists(keystore());
            Files.deleteIfExists(certificate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String keytool =
                JavaRuntimes.current().resolve("bin").resolve("keytool").toString();
        Map<String, String> environment = Map.of(KEYSTORE_PASSWORD_VARIABLE, secrets.keystorePassword());
        String storePass = "-storepass:env";
        Path temporary = keystore().resolveSibling("trino-keystore.tmp.p12");
        Daemons.run(
                List.of(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "trino",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "3650",
                        "-dname",
                        "CN=127.0.0.1, O=loglake local stack",
                        "-ext",
                        "SAN=IP:127.0.0.1,DNS:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        temporary.toString(),
                        storePass,
                        KEYSTORE_PASSWORD_VARIABLE),
                secretsDirectory,
                environment,
                Duration.ofMinutes(1));
        Daemons.run(
                List.of(
                        keytool,
                        "-exportcert",
                        "-rfc",
                        "-alias",
                        "trino",
                        "-keystore",
                        temporary.toString(),
                        storePass,
                        KEYSTORE_PASSWORD_VARIABLE,
                        "-file",
                        certificate().toString()),
                secretsDirectory,
                environment,
                Duration.ofMinutes(1));
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            Files.move(temporary, keystore(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw LoglakeException.external("Cannot keep Trino's keystore at " + keystore() + ": " + e.getMessage(), e);
        }
    }

    private static void writePrivate(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
