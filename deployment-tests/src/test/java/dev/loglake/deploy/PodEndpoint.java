package dev.loglake.deploy;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A pod as a NetworkPolicy sees it: its namespace, its labels and its containers' named TCP ports (which a policy
 * may name instead of a number).
 */
record PodEndpoint(String name, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
    PodEndpoint {
        requireNonNull(name, "name is null");
        requireNonNull(namespace, "namespace is null");
        labels = Map.copyOf(labels);
        namedPorts = Map.copyOf(namedPorts);
    }

    int port(String portName) {
        Integer port = namedPorts.get(portName);
        if (port == null) {
            throw new IllegalArgumentException(
                    "Pod " + name + " has no container port named " + portName + " (it has " + namedPorts + ")");
        }
        return port;
    }
}
