package dev.loglake.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Optional;

/** The pod template inside a workload object, wherever its kind keeps it. */
final class PodSpecs {
    private PodSpecs() {}

    static Optional<PodSpec> of(HasMetadata object) {
        if (object instanceof Deployment deployment) {
            return Optional.of(deployment.getSpec().getTemplate().getSpec());
        }
        if (object instanceof Job job) {
            return Optional.of(job.getSpec().getTemplate().getSpec());
        }
        if (object instanceof CronJob cronJob) {
            return Optional.of(
                    cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
        }
        return Optional.empty();
    }

    static String name(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
