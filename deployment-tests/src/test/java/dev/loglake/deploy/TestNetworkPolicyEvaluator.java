package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator behind TestNetworkPolicies, on small policies whose verdicts the Kubernetes documentation gives. */
class TestNetworkPolicyEvaluator {
    private static final PodEndpoint SERVER =
            new PodEndpoint("server", "apps", Map.of("app", "server", "tier", "back"), Map.of("api", 7000));
    private static final PodEndpoint CLIENT = new PodEndpoint("client", "apps", Map.of("app", "client"), Map.of());
    private static final PodEndpoint MONITOR = new PodEndpoint("monitor", "ops", Map.of("app", "client"), Map.of());
    private static final Map<String, Map<String, String>> NAMESPACES =
            Map.of("apps", Map.of("team", "apps"), "ops", Map.of("team", "ops"));

    @Test
    void aPodNoIngressPolicySelectsAcceptsEverything() {
        NetworkPolicyEvaluator evaluator = evaluator(
                """
                metadata: {name: egress-only, namespace: apps}
                spec: {podSelector: {}, policyTypes: [Egress]}
                """,
                """
                metadata: {name: other-pods, namespace: apps}
                spec: {podSelector: {matchLabels: {app: client}}}
                """);

        assertThat(evaluator.allows(from(MONITOR), SERVER, 1234)).isTrue();
        assertThat(evaluator.allows(new TrafficSource.FromAddress("198.51.100.1"), SERVER, 22))
                .isTrue();
        assertThat(evaluator.allows(from(SERVER), CLIENT, 80))
                .as("a policy without policyTypes and rules isolates for ingress")
                .isFalse();
    }

    @Test
    void aPodSelectorAloneMeansThePoliciesNamespaceAndANamespaceSelectorWidensIt() {
        String sameNamespace =
                """
                metadata: {name: clients, namespace: apps}
                spec:
                  podSelector: {matchLabels: {app: server}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: client}}}]}]
                """;
        String bothNamespaces =
                """
                metadata: {name: clients, namespace: apps}
                spec:
                  podSelector: {matchExpressions: [{key: tier, operator: In, values: [back]}]}
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: client}}, namespaceSelector: {matchLabels: {team: ops}}}]
                """;

        assertThat(evaluator(sameNamespace).allows(from(CLIENT), SERVER, 7000)).isTrue();
        assertThat(evaluator(sameNamespace).allows(from(MONITOR), SERVER, 7000)).isFalse();
        assertThat(evaluator(bothNamespaces).allows(from(MONITOR), SERVER, 7000))
                .isTrue();
        assertThat(evaluator(bothNamespaces).allows(from(CLIENT), SERVER, 7000))
                .as("namespaceSelector and podSelector in one peer must both match")
                .isFalse();
    }

    @Test
    void portsMatchByNumberRangeOrTheDestinationsNamedPort() {
        NetworkPolicyEvaluator evaluator = evaluator(
                """
                metadata: {name: ports, namespace: apps}
                spec:
                  podSelector: {matchLabels: {app: server}}
                  ingress:
                    - ports: [{port: api}, {port: 8000, endPort: 8010}, {port: 53, protocol: UDP}]
                """);

        assertThat(evaluator.allows(from(CLIENT), SERVER, 7000))
                .as("named port api")
                .isTrue();
        assertThat(evaluator.allows(from(CLIENT), SERVER, 8005))
                .as("in the range")
                .isTrue();
        assertThat(evaluator.allows(from(CLIENT), SERVER, 8011))
                .as("past the range")
                .isFalse();
        assertThat(evaluator.allows(from(CLIENT), SERVER, 53)).as("UDP only").isFalse();
    }

    @Test
    void anIpBlockAdmitsItsAddressesButNotItsExceptionsNorPods() {
        NetworkPolicyEvaluator evaluator = evaluator(
                """
                metadata: {name: addresses, namespace: apps}
                spec:
                  podSelector: {matchLabels: {app: server}}
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.5.0/24]}}]}]
                """);

        assertThat(evaluator.allows(new TrafficSource.FromAddress("10.0.4.9"), SERVER, 7000))
                .isTrue();
        assertThat(evaluator.allows(new TrafficSource.FromAddress("10.0.5.9"), SERVER, 7000))
                .isFalse();
        assertThat(evaluator.allows(new TrafficSource.FromAddress("10.1.0.1"), SERVER, 7000))
                .isFalse();
        assertThat(evaluator.allows(from(CLIENT), SERVER, 7000)).isFalse();
    }

    private static TrafficSource from(PodEndpoint pod) {
        return new TrafficSource.FromPod(pod);
    }

    private static NetworkPolicyEvaluator evaluator(String... policies) {
        List<NetworkPolicy> parsed = java.util.Arrays.stream(policies)
                .map(body -> (NetworkPolicy) KubernetesManifests.parse(
                                "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n" + body, "policy.yaml")
                        .get(0))
                .toList();
        return new NetworkPolicyEvaluator(parsed, NAMESPACES);
    }
}
