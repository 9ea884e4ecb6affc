package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The extra jars of the metastore image (and of the local stack) are pinned, checksummed and complete for IRSA. */
class TestMetastoreJars {
    private static final String JARS = "hive-metastore/docker/metastore-jars.txt";
    private static final Pattern LINE = Pattern.compile("([\\w.-]+):([\\w.-]+):([\\w.-]+) ([0-9a-f]{64})");
    private static final Pattern DEFAULT_PROVIDER = Pattern.compile("S3_CREDENTIALS_PROVIDER:=([\\w.]+)}");

    @Test
    void everyJarHasAnExactVersionAndASha256() {
        RepositoryFiles.read(JARS)
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> assertThat(line).as(JARS).matches(LINE));
    }

    /**
     * The entrypoint's default credentials provider is the web-identity one of AWS SDK v1 (IRSA). It exchanges the
     * token through STS, which lives in aws-java-sdk-sts and is loaded by reflection: without the jar the metastore
     * starts, and every S3 call fails.
     */
    @Test
    void webIdentityCredentialsHaveTheStsJarOfTheSameSdkVersion() {
        Matcher provider = DEFAULT_PROVIDER.matcher(RepositoryFiles.read("hive-metastore/docker/docker-entrypoint.sh"));
        assertThat(provider.find())
                .as("the default S3_CREDENTIALS_PROVIDER of docker-entrypoint.sh")
                .isTrue();
        assertThat(provider.group(1)).isEqualTo("com.amazonaws.auth.WebIdentityTokenCredentialsProvider");

        Map<String, String> versions = versions();
        String sdk = RootPomVersions.get("metastore-aws-sdk-v1.version");
        assertThat(versions)
                .containsEntry("com.amazonaws:aws-java-sdk-core", sdk)
                .containsEntry("com.amazonaws:aws-java-sdk-sts", sdk)
                .containsEntry("com.amazonaws:aws-java-sdk-s3", sdk);
    }

    private static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : RepositoryFiles.read(JARS).lines().toList()) {
            Matcher jar = LINE.matcher(line);
            if (jar.matches()) {
                versions.put(jar.group(1) + ":" + jar.group(2), jar.group(3));
            }
        }
        return versions;
    }
}
