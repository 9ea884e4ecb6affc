package dev.loglake.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pods of the Trino chart 1.40.0 (trinodb/charts, tag trino-1.40.0), as its templates label them.
 * templates/deployment-coordinator.yaml and deployment-worker.yaml give each pod template the labels of
 * "trino.labels" (templates/_helpers.tpl: helm.sh/chart = chart-version, app.kubernetes.io/name = nameOverride or
 * the chart's name, app.kubernetes.io/instance = the release, app.kubernetes.io/version = appVersion,
 * app.kubernetes.io/managed-by = Helm, then commonLabels), app.kubernetes.io/component = coordinator or worker,
 * trino.io/network-policy-protection = enabled or disabled (networkPolicy.enabled), then coordinator.labels or
 * worker.labels. Both containers name their HTTP port "http", at service.port.
 */
record TrinoChartPods(String chart, String version, String appVersion, String release, Map<String, Object> values) {
    TrinoChartPods {
        // Not Map.copyOf: chart defaults hold nulls (nameOverride:).
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The release terraform/cluster-config installs, with k8s/trino/values.yaml over the pinned chart's defaults. */
    static TrinoChartPods installed() {
        Map<String, Object> pin = Yaml.map(RepositoryFiles.read("k8s/trino/chart-pin.yaml"), "chart-pin.yaml");
        Map<String, Object> values = Yaml.map(RepositoryFiles.read("k8s/trino/values.yaml"), "k8s/trino/values.yaml");
        Object release = TerraformRoot.load("terraform/cluster-config")
                .resources("helm_release")
                .get("trino")
                .get("name");
        return new TrinoChartPods(
                String.valueOf(pin.get("chart")),
                String.valueOf(pin.get("version")),
                String.valueOf(pin.get("appVersion")),
                String.valueOf(release),
                HelmValues.coalesce(TestTrinoHelmValues.chartValues(), values));
    }

    PodEndpoint coordinator() {
        return pod("coordinator");
    }

    PodEndpoint worker() {
        return pod("worker");
    }

    private PodEndpoint pod(String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("helm.sh/chart", chart + "-" + version);
        labels.put("app.kubernetes.io/name", name());
        labels.put("app.kubernetes.io/instance", release);
        labels.put("app.kubernetes.io/version", appVersion);
        labels.put("app.kubernetes.io/managed-by", "Helm");
        putStrings(labels, Yaml.child(values, "commonLabels"));
        labels.put("app.kubernetes.io/component", component);
        boolean protection =
                Boolean.TRUE.equals(Yaml.child(values, "networkPolicy").get("enabled"));
        labels.put("trino.io/network-policy-protection", protection ? "enabled" : "disabled");
        putStrings(labels, Yaml.child(Yaml.child(values, component), "labels"));
        int httpPort = ((Number) Yaml.child(values, "service").get("port")).intValue();
        return new PodEndpoint(release + "-" + component, "loglake", labels, Map.of("http", httpPort));
    }

    private String name() {
        return values.get("nameOverride") instanceof String override && !override.isEmpty() ? override : chart;
    }

    private static void putStrings(Map<String, String> labels, Map<String, Object> extra) {
        extra.forEach((key, value) -> labels.put(key, String.valueOf(value)));
    }
}
