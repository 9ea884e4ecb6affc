package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metastore and the db-user Job verify RDS's certificate against the RDS CA bundle the image carries, and its
 * host name (verify-full): the URL cloud-infra outputs, the example ConfigMap and the Job name the bundle's path in
 * the image. That verify-full refuses another CA and another host is run by integration-tests' TestMetastoreDbUserJob.
 */
class TestRdsTls {
    private static final Pattern OUTPUT_QUERY = Pattern.compile(
            "output \"metastore_db_jdbc_url\" \\{.*?/\\$\\{local\\.db_name\\}\\?([^\"]*)\"", Pattern.DOTALL);

    @Test
    void everyClientOfTheDatabaseVerifiesTheRdsCertificateAndHostName() {
        String bundle = imageBundlePath();
        Matcher output =
                OUTPUT_QUERY.matcher(TerraformRoot.load("terraform/cloud-infra").source());
        assertThat(output.find())
                .as("the query of output metastore_db_jdbc_url")
                .isTrue();
        String query = "sslmode=verify-full&sslrootcert=" + bundle;

        assertThat(output.group(1)).isEqualTo(query);
        assertThat(exampleUrl()).endsWith("?" + query);
        Job job = KubernetesManifests.all(Job.class).stream()
                .filter(candidate -> candidate.getMetadata().getName().equals("hive-metastore-db-user"))
                .findFirst()
                .orElseThrow();
        var environment =
                job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(environment)
                .extracting(EnvVar::getName, EnvVar::getValue)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("PGSSLMODE", "verify-full"),
                        org.assertj.core.groups.Tuple.tuple("PGSSLROOTCERT", bundle));
    }

    /** The path the Dockerfile writes the bundle to and copies into the final image. */
    private static String imageBundlePath() {
        String dockerfile = RepositoryFiles.read("hive-metastore/docker/Dockerfile");
        Matcher written =
                Pattern.compile("rds-ca-bundle\\.sh \\S+ (/\\S+\\.pem)").matcher(dockerfile);
        assertThat(written.find()).as("the Dockerfile runs rds-ca-bundle.sh").isTrue();
        String path = written.group(1);
        String folder = path.substring(0, path.lastIndexOf('/'));
        assertThat(dockerfile).contains("COPY --from=fetch " + folder + " " + folder + "\n");
        assertThat(dockerfile).containsPattern("sha256sum --check --strict - \\\\\\n\\s+&& tar -xzf rds-ca\\.tgz");
        return path;
    }

    private static String exampleUrl() {
        return KubernetesManifests.all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals("hive-metastore-config"))
                .findFirst()
                .orElseThrow()
                .getData()
                .get("METASTORE_DB_URL");
    }
}
