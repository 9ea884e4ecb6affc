package dev.loglake.deploy;

import static java.util.Objects.requireNonNull;

/** Where a connection comes from: a pod of the cluster, or an address outside the cluster's pods (an ALB node). */
sealed interface TrafficSource {
    record FromPod(PodEndpoint pod) implements TrafficSource {
        public FromPod {
            requireNonNull(pod, "pod is null");
        }

        @Override
        public String toString() {
            return "pod " + pod.name() + " (namespace " + pod.namespace() + ")";
        }
    }

    record FromAddress(String address) implements TrafficSource {
        public FromAddress {
            Ipv4.parse(address);
        }

        @Override
        public String toString() {
            return "address " + address;
        }
    }
}
