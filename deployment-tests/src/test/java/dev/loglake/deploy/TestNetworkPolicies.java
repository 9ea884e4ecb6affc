package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who can open a connection to whom in namespace loglake (issue #12): the NetworkPolicies of k8s/network-policies/
 * evaluated over the real pods, the k8s/ workloads' templates and the pinned Trino chart's coordinator and worker
 * with loglake's values and release.
 */
class TestNetworkPolicies {
    private static final String NAMESPACE = "loglake";
    private static final String LOAD_BALANCER_POLICY = "trino-coordinator-from-load-balancer";
    /** The ports anyone might try: Thrift, Trino's HTTP, HTTPS, PostgreSQL, SSH, plain HTTP, JMX. */
    private static final List<Integer> PORTS = List.of(9083, 8080, 8443, 443, 5432, 22, 80, 9080);

    private final List<NetworkPolicy> policies = KubernetesManifests.all(NetworkPolicy.class);
    private final NetworkPolicyEvaluator evaluator = new NetworkPolicyEvaluator(policies, namespaceLabels());
    private final TrinoChartPods trino = TrinoChartPods.installed();
    private final PodEndpoint coordinator = trino.coordinator();
    private final PodEndpoint worker = trino.worker();
    private final PodEndpoint metastore = LoglakePods.named("hive-metastore");
    private final List<PodEndpoint> pods = Stream.concat(LoglakePods.all().stream(), Stream.of(coordinator, worker))
            .toList();

    /** A label typo in a policy's podSelector would leave it selecting nothing, and the pod it meant unprotected. */
    @Test
    void everyPolicySelectsARealPod() {
        assertThat(policies).hasSizeGreaterThanOrEqualTo(4);
        for (NetworkPolicy policy : policies) {
            assertThat(pods)
                    .as(
                            "pods selected by NetworkPolicy/%s",
                            policy.getMetadata().getName())
                    .anyMatch(pod -> evaluator.selecting(pod).contains(policy));
        }
        assertThat(pods).allSatisfy(pod -> assertThat(evaluator.selecting(pod))
                .as("policies isolating %s", pod.name())
                .isNotEmpty());
    }

    @Test
    void onlyTrinosCoordinatorAndWorkersReachTheMetastoresThriftPort() {
        assertThat(allowedSources(metastore, metastore.port("thrift")))
                .containsExactlyInAnyOrder(pod(coordinator), pod(worker));
    }

    /**
     * The coordinator trusts X-Forwarded-Proto (http-server.process-forwarded=true): only the ALB, which sets that
     * header itself, and Trino's own nodes may reach its HTTP port. The loglake jobs come through the ALB.
     */
    @Test
    void onlyTheLoadBalancerAndTrinosNodesReachTheCoordinatorsHttpPort() {
        List<String> expected = new ArrayList<>(List.of(pod(coordinator), pod(worker)));
        loadBalancerAddresses().forEach(address -> expected.add(address.toString()));

        assertThat(allowedSources(coordinator, coordinator.port("http"))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void onlyTrinosNodesReachAWorker() {
        assertThat(allowedSources(worker, worker.port("http")))
                .containsExactlyInAnyOrder(pod(coordinator), pod(worker));
    }

    /** Every other pod, port and source: nothing enters (the jobs and the schema Job serve nothing). */
    @Test
    void nothingElseEntersAnyPodOfTheNamespace() {
        List<String> unexpected = new ArrayList<>();
        for (PodEndpoint destination : pods) {
            for (int port : PORTS) {
                for (TrafficSource source : sources()) {
                    if (evaluator.allows(source, destination, port) && !intended(source, destination, port)) {
                        unexpected.add(source + " -> " + destination.name() + ":" + port);
                    }
                }
            }
        }
        assertThat(unexpected)
                .as("connections the policies allow beyond the intended ones")
                .isEmpty();
    }

    /** The by-hand example CIDRs are the public subnets terraform/cloud-infra carves from its default vpc_cidr. */
    @Test
    void exampleLoadBalancerCidrsAreThePublicSubnetsOfTheDefaultVpc() {
        String vpc = String.valueOf(TerraformRoot.attributes(TerraformRoot.load("terraform/cloud-infra")
                        .blocks("variable")
                        .get("vpc_cidr"))
                .get("default"));
        List<String> publicSubnets = IntStream.range(0, 3)
                .mapToObj(i -> Ipv4.cidrSubnet(vpc, 8, 96 + i))
                .toList();

        assertThat(loadBalancerCidrs()).isEqualTo(publicSubnets);
        assertThat(RepositoryFiles.read("terraform/cloud-infra/main.tf"))
                .contains("public_subnets   = [for i in range(3) : cidrsubnet(var.vpc_cidr, 8, 96 + i)]");
    }

    private boolean intended(TrafficSource source, PodEndpoint destination, int port) {
        boolean fromTrino = source instanceof TrafficSource.FromPod from
                && (from.pod().equals(coordinator) || from.pod().equals(worker));
        boolean fromLoadBalancer = source instanceof TrafficSource.FromAddress address
                && loadBalancerCidrs().stream().anyMatch(cidr -> Ipv4.contains(cidr, address.address()));
        if (destination.equals(metastore)) {
            return fromTrino && port == metastore.port("thrift");
        }
        if (destination.equals(coordinator)) {
            return (fromTrino || fromLoadBalancer) && port == coordinator.port("http");
        }
        if (destination.equals(worker)) {
            return fromTrino && port == worker.port("http");
        }
        return false;
    }

    private List<String> allowedSources(PodEndpoint destination, int port) {
        return sources().stream()
                .filter(source -> evaluator.allows(source, destination, port))
                .map(TrafficSource::toString)
                .toList();
    }

    /**
     * Every pod of the namespace; pods elsewhere that carry Trino's and the metastore's labels (a policy's podSelector
     * must not reach into other namespaces); an address in each ALB subnet, a node or pod in a private subnet, the
     * database subnets and the internet.
     */
    private List<TrafficSource> sources() {
        List<TrafficSource> sources = new ArrayList<>();
        pods.forEach(pod -> sources.add(new TrafficSource.FromPod(pod)));
        for (PodEndpoint lookalike : List.of(coordinator, worker, metastore)) {
            sources.add(new TrafficSource.FromPod(
                    new PodEndpoint(lookalike.name(), "elsewhere", lookalike.labels(), lookalike.namedPorts())));
        }
        sources.addAll(loadBalancerAddresses());
        Stream.of("10.40.0.10", "10.40.32.10", "10.40.100.10", "10.40.99.10", "203.0.113.7")
                .forEach(address -> sources.add(new TrafficSource.FromAddress(address)));
        return sources;
    }

    private List<TrafficSource> loadBalancerAddresses() {
        return loadBalancerCidrs().stream()
                .map(cidr -> (TrafficSource) new TrafficSource.FromAddress(Ipv4.host(cidr, 10)))
                .toList();
    }

    private List<String> loadBalancerCidrs() {
        NetworkPolicy policy = policies.stream()
                .filter(candidate -> candidate.getMetadata().getName().equals(LOAD_BALANCER_POLICY))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No NetworkPolicy " + LOAD_BALANCER_POLICY + " under k8s/"));
        return policy.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getFrom().stream())
                .filter(peer -> peer.getIpBlock() != null)
                .map(peer -> peer.getIpBlock().getCidr())
                .toList();
    }

    private static String pod(PodEndpoint pod) {
        return new TrafficSource.FromPod(pod).toString();
    }

    private static Map<String, Map<String, String>> namespaceLabels() {
        Map<String, String> loglake = new java.util.HashMap<>(
                KubernetesManifests.all(io.fabric8.kubernetes.api.model.Namespace.class).stream()
                        .filter(namespace -> namespace.getMetadata().getName().equals(NAMESPACE))
                        .findFirst()
                        .orElseThrow()
                        .getMetadata()
                        .getLabels());
        loglake.put("kubernetes.io/metadata.name", NAMESPACE);
        return Map.of(NAMESPACE, loglake, "elsewhere", Map.of("kubernetes.io/metadata.name", "elsewhere"));
    }
}
