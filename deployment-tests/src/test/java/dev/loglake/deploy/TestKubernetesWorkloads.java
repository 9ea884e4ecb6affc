package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestKubernetesWorkloads {
    private final List<HasMetadata> objects = KubernetesManifests.all();

    @Test
    void everyContainerRequestsCpuAndMemoryAndLimitsMemory() {
        List<HasMetadata> workloads = objects.stream()
                .filter(object -> PodSpecs.of(object).isPresent())
                .toList();
        assertThat(workloads).hasSizeGreaterThanOrEqualTo(5);
        for (HasMetadata workload : workloads) {
            PodSpec pod = PodSpecs.of(workload).orElseThrow();
            for (Container container : pod.getContainers()) {
                String where = PodSpecs.name(workload) + " container " + container.getName();
                assertThat(container.getResources()).as(where).isNotNull();
                assertThat(container.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(where).containsKey("memory");
            }
        }
    }

    @Test
    void everyPodRunsAsNonRootWithoutPrivilegeEscalation() {
        for (HasMetadata workload : objects) {
            PodSpecs.of(workload).ifPresent(pod -> {
                assertThat(pod.getSecurityContext().getRunAsNonRoot())
                        .as(PodSpecs.name(workload))
                        .isTrue();
                assertThat(pod.getContainers()).as(PodSpecs.name(workload)).allSatisfy(container -> assertThat(
                                container.getSecurityContext().getAllowPrivilegeEscalation())
                        .isFalse());
            });
        }
    }

    @Test
    void deploymentsHaveProbesAPodDisruptionBudgetAndAService() {
        List<Deployment> deployments = KubernetesManifests.all(Deployment.class);
        assertThat(deployments).isNotEmpty();
        for (Deployment deployment : deployments) {
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers())
                    .as(PodSpecs.name(deployment))
                    .allSatisfy(container -> {
                        assertThat(container.getReadinessProbe()).isNotNull();
                        assertThat(container.getLivenessProbe()).isNotNull();
                    });
            assertThat(KubernetesManifests.all(PodDisruptionBudget.class))
                    .as("a PodDisruptionBudget selecting " + PodSpecs.name(deployment))
                    .anySatisfy(budget -> assertThat(podLabels)
                            .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels()));
            assertThat(KubernetesManifests.all(Service.class))
                    .as("a Service selecting " + PodSpecs.name(deployment))
                    .anySatisfy(service -> assertThat(podLabels)
                            .containsAllEntriesOf(service.getSpec().getSelector()));
        }
    }

    @Test
    void cronJobsForbidOverlapAndBoundRetriesTimeAndHistory() {
        List<CronJob> cronJobs = KubernetesManifests.all(CronJob.class);
        assertThat(cronJobs)
                .extracting(cronJob -> cronJob.getMetadata().getName())
                .containsExactlyInAnyOrder("loglake-generate", "loglake-transform", "loglake-report");
        for (CronJob cronJob : cronJobs) {
            String where = PodSpecs.name(cronJob);
            assertThat(cronJob.getSpec().getSchedule()).as(where).isNotBlank();
            assertThat(cronJob.getSpec().getConcurrencyPolicy()).as(where).isEqualTo("Forbid");
            JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
            assertBounded(job, where);
            assertThat(job.getTtlSecondsAfterFinished()).as(where).isPositive();
        }
    }

    @Test
    void jobsBoundRetriesAndTime() {
        for (Job job : KubernetesManifests.all(Job.class)) {
            assertBounded(job.getSpec(), PodSpecs.name(job));
        }
    }

    // That each CronJob's args and environment make a valid run of its own command is checked by running them
    // through the CLI's parser and configuration checks: cli/src/test/.../TestKubernetesCronJobs.java.

    /**
     * The CronJobs run the steps of 'loglake schedule' in its order: the report reads the days the transform
     * marked complete, so it starts after it (CronJobs do not wait for each other; see k8s/jobs/report.yaml).
     */
    @Test
    void theReportRunsAfterTheTransformAsLoglakeScheduleDoes() {
        Map<String, java.time.LocalTime> times = new java.util.HashMap<>();
        for (CronJob cronJob : KubernetesManifests.all(CronJob.class)) {
            String[] fields = cronJob.getSpec().getSchedule().trim().split("\\s+");
            assertThat(fields)
                    .as(PodSpecs.name(cronJob) + " runs daily at a fixed time")
                    .hasSize(5);
            assertThat(List.of(fields).subList(2, 5)).containsOnly("*");
            times.put(
                    cronJob.getMetadata().getName(),
                    java.time.LocalTime.of(Integer.parseInt(fields[1]), Integer.parseInt(fields[0])));
            assertThat(cronJob.getSpec().getTimeZone())
                    .as(PodSpecs.name(cronJob))
                    .isEqualTo("Etc/UTC");
        }
        assertThat(times.get("loglake-report")).isAfter(times.get("loglake-transform"));
    }

    private static void assertBounded(JobSpec job, String where) {
        assertThat(job.getBackoffLimit()).as(where + " backoffLimit").isBetween(0, 6);
        assertThat(job.getActiveDeadlineSeconds())
                .as(where + " activeDeadlineSeconds")
                .isPositive();
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).as(where).isEqualTo("Never");
    }
}
