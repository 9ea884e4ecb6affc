package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestKubernetesManifests {
    @Test
    void everyManifestBindsToTheKubernetesModelWithoutUnknownFields() {
        for (Path file : KubernetesManifests.files()) {
            assertThat(KubernetesManifests.parse(RepositoryFiles.read(file), RepositoryFiles.relative(file)))
                    .as(RepositoryFiles.relative(file))
                    .isNotEmpty();
        }
    }

    @Test
    void theExpectedObjectsArePresent() {
        assertThat(KubernetesManifests.all())
                .extracting(
                        object -> object.getKind() + "/" + object.getMetadata().getName())
                .contains(
                        "Deployment/hive-metastore",
                        "Service/hive-metastore",
                        "PodDisruptionBudget/hive-metastore",
                        "Job/hive-metastore-schema",
                        "Job/hive-metastore-db-user",
                        "ServiceAccount/hive-metastore-db-admin",
                        "CronJob/loglake-generate",
                        "CronJob/loglake-transform",
                        "CronJob/loglake-report",
                        "ConfigMap/loglake-config");
        assertThat(KubernetesManifests.all())
                .allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
                        .as(object.getKind() + "/" + object.getMetadata().getName())
                        .isIn("loglake", null));
    }

    @Test
    void misspelledFieldIsRejected() {
        String manifest =
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: example
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: example}
                  template:
                    metadata:
                      labels: {app: example}
                    spec:
                      containers:
                        - name: example
                          image: example:1.0
                          resource:
                            requests: {cpu: 100m}
                """;

        assertThatThrownBy(() -> KubernetesManifests.parse(manifest, "example.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "example.yaml: unknown fields [apps/v1/Deployment.spec.template.spec.containers[0].resource]");
    }

    @Test
    void wrongTypeAndUnknownKindAreRejected() {
        String wrongType = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: two}\n";
        String oldApi = "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: x}\n";

        assertThatThrownBy(() -> KubernetesManifests.parse(wrongType, "type.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("type.yaml: ");
        assertThatThrownBy(() -> KubernetesManifests.parse(oldApi, "old.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("old.yaml: unsupported apiVersion/kind policy/v1beta1/PodDisruptionBudget");
    }
}
