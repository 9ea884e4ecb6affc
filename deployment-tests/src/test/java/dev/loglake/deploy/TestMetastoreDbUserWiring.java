package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How the db-user Job (k8s/metastore/db-user-job.yaml) gets the master credentials and its script, on both install
 * paths. What the script does is run against PostgreSQL by integration-tests' TestMetastoreDbUserJob.
 */
class TestMetastoreDbUserWiring {
    private static final String SCRIPT = "k8s/metastore/db-user/ensure-metastore-user.sh";

    private final TerraformRoot cloudInfra = TerraformRoot.load("terraform/cloud-infra");
    private final Job job = KubernetesManifests.all(Job.class).stream()
            .filter(candidate -> candidate.getMetadata().getName().equals("hive-metastore-db-user"))
            .findFirst()
            .orElseThrow();
    private final PodSpec pod = job.getSpec().getTemplate().getSpec();

    /** Exactly one IAM statement mentions Secrets Manager: GetSecretValue on the master secret, for this Job's account. */
    @Test
    void onlyTheDbUserJobsRoleMayReadTheMasterSecret() {
        List<String> statements = new ArrayList<>();
        for (String block : TerraformBlocks.nested(cloudInfra.source(), "statement")) {
            if (block.contains("secretsmanager:")) {
                statements.add(block);
            }
        }
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0))
                .containsPattern("actions\\s*=\\s*\\[\"secretsmanager:GetSecretValue\"\\]")
                .containsPattern(
                        "resources\\s*=\\s*\\[aws_db_instance\\.metastore\\.master_user_secret\\[0\\]\\.secret_arn\\]");
        assertThat(TerraformBlocks.block(
                        cloudInfra.source(), "data \"aws_iam_policy_document\" \"metastore_db_admin\""))
                .contains(statements.get(0).strip());
        assertThat(TerraformBlocks.block(cloudInfra.source(), "module \"metastore_db_admin_irsa\""))
                .contains("${local.namespace}:${local.db_admin_service_account}");
        assertThat(cloudInfra.source())
                .containsPattern("db_admin_service_account\\s*=\\s*\"" + pod.getServiceAccountName() + "\"");
        assertThat(KubernetesManifests.all(ServiceAccount.class))
                .extracting(account -> account.getMetadata().getName())
                .contains(pod.getServiceAccountName());
    }

    /**
     * The init container writes the master secret into a memory volume of the pod, where the script reads it; no
     * Kubernetes Secret holds master credentials (the only secret the Job reads is the metastore role's password).
     */
    @Test
    void theMasterLoginPassesThroughAMemoryVolumeOnly() {
        Container init = pod.getInitContainers().get(0);
        Container main = pod.getContainers().get(0);
        String file = env(main, "DB_MASTER_LOGIN_FILE");

        assertThat(env(init, "DB_MASTER_LOGIN_FILE")).isEqualTo(file);
        assertThat(String.join(" ", init.getArgs())).contains("--output text > \"$DB_MASTER_LOGIN_FILE\"");
        Volume volume = pod.getVolumes().stream()
                .filter(candidate -> candidate.getName().equals("db-master"))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getEmptyDir().getMedium()).isEqualTo("Memory");
        for (Container container : List.of(init, main)) {
            assertThat(container.getVolumeMounts())
                    .anySatisfy(mount -> assertThat(file).startsWith(mount.getMountPath() + "/"));
        }
        assertThat(Stream.concat(init.getEnv().stream(), main.getEnv().stream())
                        .filter(variable -> variable.getValueFrom() != null
                                && variable.getValueFrom().getSecretKeyRef() != null)
                        .map(variable ->
                                variable.getValueFrom().getSecretKeyRef().getName()))
                .containsExactly("hive-metastore-db");
    }

    @Test
    void clusterConfigRunsTheDbUserJobBeforeTheSchemaJobWithTheSameScript() {
        String source = TerraformRoot.load("terraform/cluster-config").source();
        String dbUserJob = TerraformBlocks.block(source, "resource \"kubernetes_manifest\" \"metastore_db_user_job\"");

        assertThat(TerraformBlocks.dependsOn(
                        TerraformBlocks.block(source, "resource \"kubernetes_manifest\" \"metastore_schema_job\"")))
                .contains("kubernetes_manifest.metastore_db_user_job");
        assertThat(dbUserJob).containsPattern("type\\s*=\\s*\"Complete\"");
        assertThat(source).contains("file(\"${local.k8s_dir}/metastore/db-user/ensure-metastore-user.sh\")");
        String kustomization = RepositoryFiles.read("k8s/kustomization.yaml");
        assertThat(kustomization.indexOf("metastore/db-user-job.yaml"))
                .isPositive()
                .isLessThan(kustomization.indexOf("metastore/schema-job.yaml"));
    }

    /** kubectl kustomize (where kubectl is installed) puts the script file into the ConfigMap the Job mounts. */
    @Test
    void kustomizeMountsTheScriptFileIntoTheJob() throws IOException, InterruptedException {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        assumeTrue(kubectl != null, "kubectl is not installed; the manifest checks above still ran");
        Process kustomize = new ProcessBuilder(kubectl.toString(), "kustomize", "k8s")
                .directory(RepositoryFiles.root().toFile())
                .start();
        String output = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor()).as("kubectl kustomize k8s").isZero();

        String configMap = null;
        String mounted = null;
        ObjectMapper yaml = new YAMLMapper();
        for (JsonNode object :
                yaml.readerFor(JsonNode.class).<JsonNode>readValues(output).readAll()) {
            String name = object.path("metadata").path("name").asText();
            if (object.path("kind").asText().equals("ConfigMap") && name.startsWith("hive-metastore-db-user-")) {
                configMap = name;
                assertThat(object.path("data").path("ensure-metastore-user.sh").asText())
                        .isEqualTo(RepositoryFiles.read(SCRIPT));
            }
            if (object.path("kind").asText().equals("Job") && name.equals("hive-metastore-db-user")) {
                for (JsonNode volume :
                        object.path("spec").path("template").path("spec").path("volumes")) {
                    if (volume.path("name").asText().equals("script")) {
                        mounted = volume.path("configMap").path("name").asText();
                    }
                }
            }
        }
        assertThat(configMap).isNotNull().isEqualTo(mounted);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream()
                .filter(variable -> variable.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }
}
