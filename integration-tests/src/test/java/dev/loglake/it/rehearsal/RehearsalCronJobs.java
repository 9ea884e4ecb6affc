package dev.loglake.it.rehearsal;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.stack.LocalStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CronJobs of k8s/jobs/ and what this machine puts in place of the cluster's for them, for the rehearsal stack.
 * The manifests are read after terraform/cluster-config's image substitution, the ConfigMap is terraform's with the
 * rehearsal's values, and the few substitutions below stand for what IRSA, the load balancer and the public CA do
 * on AWS; each is named where it is made.
 */
final class RehearsalCronJobs {
    /** The image name this test substitutes for the placeholder, as terraform substitutes var.cli_image. */
    static final String LOCAL_CLI_IMAGE = "loglake-cli-built-here";

    /**
     * The rehearsal's var.generate_events_per_day: production's default is a busy shop's million lines, which
     * the transform CronJob then needs minutes to load here; a small day runs the same containers with the same
     * wiring (the ConfigMap's value reaches plain "generate"), so the rehearsal asks for this many.
     */
    static final long GENERATE_EVENTS_PER_DAY = 2_000;

    /** terraform/cluster-config's substitution of the CLI image, which this test applies too. */
    private static final String TERRAFORM_SUBSTITUTION =
            "\"image: loglake-cli\\n\", format(\"image: %s\\n\", var.cli_image)";

    private RehearsalCronJobs() {}

    /** Every CronJob of k8s/jobs/, in the order their daily schedules fire. */
    static List<CronJobContainer> inScheduleOrder(Path repository) throws IOException {
        String mainTf = Files.readString(repository.resolve("terraform/cluster-config/main.tf"));
        if (!mainTf.contains(TERRAFORM_SUBSTITUTION)) {
            throw new AssertionError("terraform/cluster-config/main.tf no longer substitutes the CLI image with "
                    + TERRAFORM_SUBSTITUTION + "; update this test's substitution with it");
        }
        try (Stream<Path> files = Files.list(repository.resolve("k8s/jobs"))) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .map(file -> CronJobContainer.parse(substituteImage(file), file.toString()))
                    .sorted(Comparator.comparing(CronJobContainer::scheduledAt))
                    .toList();
        }
    }

    /**
     * The rehearsal's values for terraform's inputs (a small generate volume: {@link #GENERATE_EVENTS_PER_DAY})
     * and Secrets, and the substitutions this machine needs.
     *
     * @param trinoHttpsPort the secure coordinator's HTTPS port
     * @param loglakePassword the loglake user's Trino password, the Secret loglake-trino
     */
    static CronJobProcess.Local local(
            Path repository,
            LocalStack stack,
            LakeConfig lake,
            S3Config s3,
            int trinoHttpsPort,
            String loglakePassword,
            Path scratch)
            throws IOException {
        String mainTf = Files.readString(repository.resolve("terraform/cluster-config/main.tf"));
        Map<String, String> configMap = ClusterConfigMap.data(
                mainTf,
                "loglake-config",
                Map.of(
                        "var.trino_hostname", "127.0.0.1",
                        "var.loglake_trino_user", "loglake",
                        "var.generate_events_per_day", Long.toString(GENERATE_EVENTS_PER_DAY),
                        "data.terraform_remote_state.cloud_infra.outputs.region", s3.region(),
                        "data.terraform_remote_state.cloud_infra.outputs.raw_bucket", lake.rawBucket(),
                        "data.terraform_remote_state.cloud_infra.outputs.warehouse_bucket", lake.warehouseBucket(),
                        "data.terraform_remote_state.cloud_infra.outputs.reports_bucket", lake.reportsBucket()));
        Map<String, String> substitutions = new LinkedHashMap<>();
        // TLS ends at the load balancer on 443 on AWS; here the coordinator itself speaks HTTPS on its own port.
        String url = configMap.get("LOGLAKE_TRINO_URL");
        if (url == null || !url.contains("//127.0.0.1:443?")) {
            throw new AssertionError("Expected terraform's LOGLAKE_TRINO_URL on port 443, got " + url);
        }
        substitutions.put("LOGLAKE_TRINO_URL", url.replace("//127.0.0.1:443?", "//127.0.0.1:" + trinoHttpsPort + "?"));
        // IRSA gives the pod AWS credentials through the default chain; the local S3 server has static keys, and
        // on 127.0.0.1 it cannot address buckets by host name.
        substitutions.put("LOGLAKE_S3_ENDPOINT", s3.endpoint().orElseThrow().toString());
        substitutions.put("LOGLAKE_S3_ACCESS_KEY", s3.accessKey().orElseThrow());
        substitutions.put("LOGLAKE_S3_SECRET_KEY", s3.secretKey().orElseThrow());
        substitutions.put("LOGLAKE_S3_PATH_STYLE_ACCESS", "true");
        return new CronJobProcess.Local(
                repository,
                Map.of("loglake-config", configMap),
                Map.of("loglake-trino", Map.of("password", loglakePassword)),
                substitutions,
                trustStoreOptions(stack.layout().trinoCertificate(), scratch),
                scratch);
    }

    /**
     * On AWS the load balancer's certificate is signed by a public CA, which the JRE's default trust store holds;
     * the rehearsal's certificate is self-signed, so the JVM's default trust store becomes one holding it (the
     * ConfigMap's URL names no trust store, and must not need one).
     */
    private static List<String> trustStoreOptions(Path certificatePem, Path scratch) throws IOException {
        Path trustStore = Files.createDirectories(scratch).resolve("trino-trust-store.p12");
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().encodeToString(random);
        try (InputStream pem = Files.newInputStream(certificatePem);
                OutputStream out = Files.newOutputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(
                    "rehearsal-trino", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            store.store(out, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a trust store of " + certificatePem, e);
        }
        return List.of(
                "-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + password);
    }

    private static String substituteImage(Path file) {
        try {
            return Files.readString(file).replace("image: loglake-cli\n", "image: " + LOCAL_CLI_IMAGE + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
