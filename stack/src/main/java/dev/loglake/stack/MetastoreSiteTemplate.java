package dev.loglake.stack;

import dev.loglake.stack.component.PostgresComponent;
import dev.loglake.stack.process.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metastore-site.xml template of hive-metastore/docker/conf, packaged into this module at build time:
 * the container image and the local stack render the same file.
 */
public final class MetastoreSiteTemplate {
    static final String RESOURCE = "/dev/loglake/stack/metastore/conf/metastore-site.xml.template";

    private MetastoreSiteTemplate() {}

    public static String template() {
        try (InputStream in = MetastoreSiteTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the loglake-stack jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String render(Map<String, String> values) {
        return TemplateRenderer.render(template(), values, RESOURCE);
    }

    /**
     * The values of the template's placeholders for the local stack: loopback, path-style S3 with the stack's
     * generated keys. The stack renders them itself, or (the rehearsal) hands them to the image's entrypoint as
     * its environment, so both ways configure the same metastore.
     */
    public static Map<String, String> localValues(
            String databaseUrl, LocalCredentials credentials, int port, String warehouseDirectory, URI s3Endpoint) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("METASTORE_DB_URL", databaseUrl);
        values.put("METASTORE_DB_USER", PostgresComponent.USER);
        values.put("METASTORE_DB_PASSWORD", credentials.postgresPassword());
        values.put("METASTORE_BIND_HOST", Ports.LOOPBACK);
        values.put("METASTORE_PORT", Integer.toString(port));
        values.put("METASTORE_WAREHOUSE_DIR", warehouseDirectory);
        values.put("S3_ENDPOINT", s3Endpoint.toString());
        values.put("S3_REGION", "us-east-1");
        values.put("S3_PATH_STYLE_ACCESS", "true");
        values.put("S3_SSL_ENABLED", "false");
        values.put("S3_CREDENTIALS_PROVIDER", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        values.put("S3_ACCESS_KEY", credentials.s3AccessKey());
        values.put("S3_SECRET_KEY", credentials.s3SecretKey());
        return Map.copyOf(values);
    }
}
