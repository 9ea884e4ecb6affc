package dev.loglake.cli.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loglake.stack.ComponentStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show each component: pid, port, health and memory. Exit code 1 if any is not healthy.")
final class StackStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions options;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<ComponentStatus> statuses = options.stack().status();
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(asJson(statuses)));
        } else {
            out.printf("%-22s %-8s %-6s %-9s %s%n", "COMPONENT", "PID", "PORT", "HEALTHY", "MEMORY");
            for (ComponentStatus status : statuses) {
                out.printf(
                        "%-22s %-8s %-6d %-9s %s%n",
                        status.name(),
                        status.pid().isPresent() ? Long.toString(status.pid().getAsLong()) : "-",
                        status.port(),
                        status.healthy() ? "yes" : (status.running() ? "NO" : "stopped"),
                        status.running() ? (status.residentBytes() >> 20) + " MB" : "-");
            }
        }
        return statuses.stream().allMatch(ComponentStatus::healthy) ? 0 : 1;
    }

    private static List<Map<String, Object>> asJson(List<ComponentStatus> statuses) {
        return statuses.stream()
                .map(status -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("component", status.name());
                    entry.put("pid", status.pid().isPresent() ? status.pid().getAsLong() : null);
                    entry.put("port", status.port());
                    entry.put("healthy", status.healthy());
                    entry.put("residentBytes", status.residentBytes());
                    return entry;
                })
                .toList();
    }
}
