package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestKubernetesSecrets {
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|ACCESS_KEY|CREDENTIAL|PRIVATE_KEY).*");
    private static final Pattern SECRET_VALUE =
            Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|\\$2[aby]\\$\\d\\d\\$");

    @Test
    void manifestsHoldNoSecretValues() {
        assertThat(problems(KubernetesManifests.all())).isEmpty();
    }

    @Test
    void secretInAConfigMapOrALiteralEnvValueIsReported() {
        List<HasMetadata> objects = KubernetesManifests.parse(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: leaky}
                data:
                  LOGLAKE_TRINO_PASSWORD: hunter2
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: committed}
                stringData:
                  password: hunter2
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: literal}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: x
                          image: x:1
                          env:
                            - {name: DB_PASSWORD, value: hunter2}
                """,
                "leaky.yaml");

        assertThat(problems(objects))
                .containsExactly(
                        "ConfigMap/leaky has a secret-like key LOGLAKE_TRINO_PASSWORD",
                        "Secret/committed carries data in the repository",
                        "Job/literal sets DB_PASSWORD as a literal value instead of a secretKeyRef");
    }

    @Test
    void deploymentFilesContainNoCredentials() {
        List<Path> files = new ArrayList<>();
        files.addAll(RepositoryFiles.find("k8s", ".yaml", ".md"));
        files.addAll(RepositoryFiles.find("terraform", ".tf", ".example", ".md"));
        files.addAll(RepositoryFiles.find("hive-metastore/docker", "Dockerfile", ".sh", ".md", ".xml.template"));
        for (Path file : files) {
            assertThat(SECRET_VALUE.matcher(RepositoryFiles.read(file)).find())
                    .as("%s looks like it contains a credential", RepositoryFiles.relative(file))
                    .isFalse();
        }
    }

    static List<String> problems(List<HasMetadata> objects) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof ConfigMap configMap) {
                for (Map.Entry<String, String> entry :
                        nullToEmpty(configMap.getData()).entrySet()) {
                    if (SECRET_NAME.matcher(entry.getKey()).matches()) {
                        problems.add(PodSpecs.name(object) + " has a secret-like key " + entry.getKey());
                    } else if (SECRET_VALUE.matcher(entry.getValue()).find()) {
                        problems.add(PodSpecs.name(object) + " has a credential in " + entry.getKey());
                    }
                }
            }
            if (object instanceof Secret secret
                    && (!nullToEmpty(secret.getData()).isEmpty()
                            || !nullToEmpty(secret.getStringData()).isEmpty())) {
                problems.add(PodSpecs.name(object) + " carries data in the repository");
            }
            PodSpecs.of(object).ifPresent(pod -> pod.getContainers().forEach(container -> {
                for (EnvVar variable : container.getEnv()) {
                    if (SECRET_NAME.matcher(variable.getName()).matches() && variable.getValue() != null) {
                        problems.add(PodSpecs.name(object) + " sets " + variable.getName()
                                + " as a literal value instead of a secretKeyRef");
                    }
                }
            }));
        }
        return problems;
    }

    private static Map<String, String> nullToEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
