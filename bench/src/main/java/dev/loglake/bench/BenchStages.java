package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stages {@code loglake bench --stages} runs, by their names in the table. A single stage (such as formats)
 * can be measured without the half hour of the others; the data set is generated either way, since every stage
 * reads it.
 */
public record BenchStages(Set<String> names) {
    /** Every stage, in the order the bench runs them; scale runs only with {@code --scale}. */
    public static final List<String> ALL =
            List.of("generator", "ETL", "retry", "incremental", "load", "reports", "formats", "scale");

    public BenchStages {
        names = Set.copyOf(requireNonNull(names, "names is null"));
        if (!ALL.containsAll(names)) {
            throw new IllegalArgumentException("Unknown stages " + names + ": expected some of " + ALL);
        }
    }

    public static BenchStages all() {
        return new BenchStages(Set.copyOf(ALL));
    }

    /** Parses {@code --stages}: stage names in any case; a user error names the value and the stages there are. */
    public static BenchStages parse(List<String> values) {
        Set<String> names = new TreeSet<>();
        for (String value : requireNonNull(values, "values is null")) {
            String name = ALL.stream()
                    .filter(stage -> stage.equalsIgnoreCase(value.strip()))
                    .findFirst()
                    .orElseThrow(() -> LoglakeException.user(
                            "Invalid --stages '%s': expected some of %s, separated by commas.",
                            value, String.join(",", ALL).toLowerCase(Locale.ROOT)));
            names.add(name);
        }
        if (names.isEmpty()) {
            throw LoglakeException.user(
                    "Invalid --stages: no stage given; expected some of %s, separated by commas.",
                    String.join(",", ALL).toLowerCase(Locale.ROOT));
        }
        requireInput(names, "retry", "ETL");
        requireInput(names, "incremental", "ETL");
        requireInput(names, "load", "incremental");
        requireInput(names, "reports", "incremental");
        return new BenchStages(names);
    }

    /** A stage that reads what another one wrote (the first days' lake, the lake of N days) needs that one. */
    private static void requireInput(Set<String> names, String stage, String input) {
        if (names.contains(stage) && !names.contains(input)) {
            throw LoglakeException.user(
                    "Invalid --stages: %s needs %s, which loads its lake; add %s.",
                    stage, input.toLowerCase(Locale.ROOT), input.toLowerCase(Locale.ROOT));
        }
    }

    public boolean runs(String stage) {
        return names.contains(stage);
    }
}
