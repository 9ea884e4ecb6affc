package dev.loglake.deploy;

import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Decides, as Kubernetes' NetworkPolicy API defines it, whether a TCP connection may enter a pod. A pod no
 * ingress policy selects accepts everything; a selected pod accepts a connection that some rule of some selecting
 * policy admits: its {@code from} is empty or has a matching peer, and its {@code ports} are empty or name the port
 * (by number, range or the pod's named container port). A peer's podSelector alone means pods of the policy's
 * namespace, with a namespaceSelector pods of the matching namespaces; ipBlocks match addresses outside the pods.
 */
final class NetworkPolicyEvaluator {
    private final List<NetworkPolicy> policies;
    private final Map<String, Map<String, String>> namespaceLabels;

    NetworkPolicyEvaluator(List<NetworkPolicy> policies, Map<String, Map<String, String>> namespaceLabels) {
        this.policies = List.copyOf(policies);
        this.namespaceLabels = Map.copyOf(namespaceLabels);
    }

    boolean allows(TrafficSource source, PodEndpoint destination, int port) {
        List<NetworkPolicy> selecting = selecting(destination);
        return selecting.isEmpty()
                || selecting.stream()
                        .flatMap(policy -> policy.getSpec().getIngress().stream()
                                .filter(rule -> admits(policy, rule, source, destination, port)))
                        .findAny()
                        .isPresent();
    }

    /** The policies that isolate the pod for ingress. */
    List<NetworkPolicy> selecting(PodEndpoint pod) {
        return policies.stream()
                .filter(policy -> policy.getMetadata().getNamespace().equals(pod.namespace()))
                .filter(policy -> LabelSelectors.matches(policy.getSpec().getPodSelector(), pod.labels()))
                .filter(NetworkPolicyEvaluator::coversIngress)
                .toList();
    }

    /** Without policyTypes, a policy covers ingress (and egress only if it has egress rules). */
    private static boolean coversIngress(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        return types.isEmpty() || types.contains("Ingress");
    }

    private boolean admits(
            NetworkPolicy policy,
            NetworkPolicyIngressRule rule,
            TrafficSource source,
            PodEndpoint destination,
            int port) {
        boolean fromMatches =
                rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> matches(peer, policy, source));
        boolean portMatches = rule.getPorts().isEmpty()
                || rule.getPorts().stream().anyMatch(allowed -> matches(allowed, destination, port));
        return fromMatches && portMatches;
    }

    private boolean matches(NetworkPolicyPeer peer, NetworkPolicy policy, TrafficSource source) {
        if (peer.getIpBlock() != null) {
            return source instanceof TrafficSource.FromAddress address
                    && contains(peer.getIpBlock(), address.address());
        }
        if (!(source instanceof TrafficSource.FromPod fromPod)) {
            return false;
        }
        PodEndpoint pod = fromPod.pod();
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? pod.namespace().equals(policy.getMetadata().getNamespace())
                : LabelSelectors.matches(
                        peer.getNamespaceSelector(), namespaceLabels.getOrDefault(pod.namespace(), Map.of()));
        return namespaceMatches
                && (peer.getPodSelector() == null || LabelSelectors.matches(peer.getPodSelector(), pod.labels()));
    }

    private static boolean contains(IPBlock block, String address) {
        return Ipv4.contains(block.getCidr(), address)
                && block.getExcept().stream().noneMatch(except -> Ipv4.contains(except, address));
    }

    private static boolean matches(NetworkPolicyPort allowed, PodEndpoint destination, int port) {
        String protocol = allowed.getProtocol() == null ? "TCP" : allowed.getProtocol();
        if (!protocol.equals("TCP")) {
            return false;
        }
        if (allowed.getPort() == null) {
            return true;
        }
        if (allowed.getPort().getStrVal() != null) {
            Integer named = destination.namedPorts().get(allowed.getPort().getStrVal());
            return named != null && named == port;
        }
        int first = allowed.getPort().getIntVal();
        int last = allowed.getEndPort() == null ? first : allowed.getEndPort();
        return port >= first && port <= last;
    }
}
