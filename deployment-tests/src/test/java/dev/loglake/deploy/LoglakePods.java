package dev.loglake.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pods the workloads of k8s/ create (Deployments, Jobs, CronJobs): their template's labels and named ports. */
final class LoglakePods {
    private LoglakePods() {}

    static List<PodEndpoint> all() {
        return KubernetesManifests.all().stream()
                .flatMap(object -> pod(object).stream())
                .toList();
    }

    static PodEndpoint named(String workload) {
        return all().stream()
                .filter(pod -> pod.name().equals(workload))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No workload named " + workload + " under k8s/"));
    }

    private static Optional<PodEndpoint> pod(HasMetadata object) {
        return PodSpecs.of(object).map(spec -> {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Container container : spec.getContainers()) {
                for (ContainerPort port : container.getPorts()) {
                    if (port.getName() != null) {
                        ports.put(port.getName(), port.getContainerPort());
                    }
                }
            }
            return new PodEndpoint(
                    object.getMetadata().getName(),
                    object.getMetadata().getNamespace(),
                    templateMetadata(object).getLabels(),
                    ports);
        });
    }

    private static ObjectMeta templateMetadata(HasMetadata object) {
        if (object instanceof Deployment deployment) {
            return deployment.getSpec().getTemplate().getMetadata();
        }
        if (object instanceof Job job) {
            return job.getSpec().getTemplate().getMetadata();
        }
        CronJob cronJob = (CronJob) object;
        return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata();
    }
}
