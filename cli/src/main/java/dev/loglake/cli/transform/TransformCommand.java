package dev.loglake.cli.transform;

import dev.loglake.cli.CommandPlan;
import dev.loglake.cli.ConfigOptions;
import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.ShopConfig;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeClients;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformRunner;
import dev.loglake.transforms.run.TransformSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

@Command(
        name = "transform",
        mixinStandardHelpOptions = true,
        description = {
            "Load raw access logs into the lake's tables through Trino: parse and quarantine each raw day, then"
                    + " rebuild the event days it touches (facts, sessions, daily aggregates) and check them.",
            "With no date options, loads every raw day not complete yet: days not loaded, and open days (still"
                    + " arriving) again until they close. A rerun gives the same tables."
        })
public final class TransformCommand implements Callable<Integer>, CommandPlan.Plannable {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Reload one raw (arrival) day.")
    String date;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First raw day of a range to reload.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last raw day of a range to reload.")
    String to;

    @Option(
            names = "--close",
            description = "Close the raw days of --date or --from/--to before loading them: no more of their lines"
                    + " are expected, so they load as complete although not every hour has a completion marker"
                    + " (writes markers/access/<format>/[site=<site>/]dt=D/closed in the raw bucket for each source"
                    + " of the day).")
    boolean close;

    @Option(
            names = "--lateness-days",
            paramLabel = "DAYS",
            description = "Days an event may arrive late and still be loaded (key transform.lateness-days).")
    Integer latenessDays;

    @Override
    public Integer call() {
        TransformRequest request = request();
        Settings settings = settings();
        TransformConfig transformConfig = TransformConfig.from(settings);
        LeaseConfig leaseConfig = LeaseConfig.from(settings);
        LakeClients clients = LakeClients.from(settings);
        try (S3Client s3 = clients.s3()) {
            TransformSummary summary = new TransformRunner(
                            clients.trino(),
                            s3,
                            clients.schemas(),
                            transformConfig,
                            leaseConfig,
                            ShopConfig.from(settings))
                    .run(request);
            print(summary);
        }
        return 0;
    }

    @Override
    public CommandPlan plan(Clock clock) {
        TransformRequest request = request();
        Settings settings = settings();
        TransformConfig transformConfig = TransformConfig.from(settings);
        LakeClients.from(settings);
        String days = request.range()
                .map(range -> "raw days " + range.from() + " to " + range.to())
                .orElse("every raw day not loaded yet");
        return new CommandPlan(
                List.of("transform " + days + " (lateness " + transformConfig.latenessDays() + " days)"), List.of());
    }

    private Settings settings() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (latenessDays != null) {
            flags.put(TransformConfig.LATENESS_DAYS, latenessDays.toString());
        }
        return config.settings(flags);
    }

    private TransformRequest request() {
        if (date != null && (from != null || to != null)) {
            throw LoglakeException.user("Give either --date or --from/--to, not both.");
        }
        if (date != null) {
            LocalDate day = parse("--date", date);
            return new TransformRequest(Optional.of(new DayRange(day, day)), close);
        }
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw LoglakeException.user("--from and --to go together: give both, or --date for one day.");
            }
            return new TransformRequest(Optional.of(new DayRange(parse("--from", from), parse("--to", to))), close);
        }
        if (close) {
            throw LoglakeException.user("--close needs the raw days to close: give --date or --from/--to.");
        }
        return TransformRequest.pending();
    }

    private static LocalDate parse(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw LoglakeException.user(
                    "Invalid %s '%s': expected a date such as 2026-11-01 (YYYY-MM-DD).", option, value);
        }
    }

    private void print(TransformSummary summary) {
        var out = spec.commandLine().getOut();
        if (summary.nothingToDo()) {
            out.println("Every raw day is already complete; nothing to do. Use --date or --from/--to to reload days.");
            return;
        }
        out.printf(
                "Run %s loaded %d raw day(s) %s into event day(s) %s in %.1f s:%n",
                summary.runId(),
                summary.arrivalDays().size(),
                DayRange.consecutive(summary.arrivalDays()),
                DayRange.consecutive(summary.eventDays()),
                summary.elapsed().toMillis() / 1000.0);
        out.printf(
                "  %,d lines parsed, %,d quarantined (see the staging quarantine table), %,d requests in the fact"
                        + " table.%n",
                summary.linesParsed(), summary.linesQuarantined(), summary.requestsLoaded());
        if (!summary.partialDays().isEmpty()) {
            out.printf(
                    "  Partial (left out of reports until complete): %s. Their raw day is still open or was never"
                            + " loaded; later runs load open days again (see README, \"When is a day complete\").%n",
                    DayRange.consecutive(summary.partialDays()));
        }
    }
}
