package dev.loglake.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes manifests under k8s/, bound to the fabric8 object model. fabric8 keeps fields it does
 * not know in "additionalProperties"; a manifest with any such field (a typo, a wrong indentation) is
 * rejected, which is what {@code kubectl apply --validate=strict} would do against a cluster.
 */
final class KubernetesManifests {
    private static final ObjectMapper YAML = new YAMLMapper();

    /** apiVersion/kind to model class: exactly the kinds this project uses, at the versions it uses. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("storage.k8s.io/v1/StorageClass", StorageClass.class));

    private KubernetesManifests() {}

    /** Manifest files: every YAML file under k8s/ except Helm inputs (trino/) and kustomization.yaml. */
    static List<Path> files() {
        return RepositoryFiles.find("k8s", ".yaml", ".yml").stream()
                .filter(file -> !RepositoryFiles.relative(file).startsWith("k8s/trino/"))
                .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                .toList();
    }

    static List<HasMetadata> all() {
        List<HasMetadata> objects = new ArrayList<>();
        for (Path file : files()) {
            objects.addAll(parse(RepositoryFiles.read(file), RepositoryFiles.relative(file)));
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> all(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Binds every YAML document of a file; fails naming the file and the first problem. */
    static List<HasMetadata> parse(String yaml, String fileName) {
        List<HasMetadata> objects = new ArrayList<>();
        try {
            for (JsonNode document :
                    YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String type = document.path("apiVersion").asText() + "/"
                        + document.path("kind").asText();
                Class<? extends HasMetadata> modelClass = KINDS.get(type);
                if (modelClass == null) {
                    throw new IllegalArgumentException(
                            fileName + ": unsupported apiVersion/kind " + type + " (known: " + KINDS.keySet() + ")");
                }
                HasMetadata object = YAML.treeToValue(document, modelClass);
                List<String> unknown = new ArrayList<>();
                collectUnknownFields(object, type, unknown);
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException(fileName + ": unknown fields " + unknown);
                }
                objects.add(object);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(fileName + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName, e);
        }
        return objects;
    }

    /** Walks the model through its getters and lists every field that went to additionalProperties. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> collectUnknownFields(entry, path + "." + key, unknown));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
                continue;
            }
            collectUnknownFields(child, path + "." + propertyName(getter), unknown);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + getter, e);
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
