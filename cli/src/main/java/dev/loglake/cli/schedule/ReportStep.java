package dev.loglake.cli.schedule;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeClients;
import dev.loglake.reports.Period;
import dev.loglake.reports.ReportRequest;
import dev.loglake.reports.ReportResult;
import dev.loglake.reports.ReportRunner;
import dev.loglake.scheduler.Step;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes the day report of the day before the tick (UTC): the newest day that is over. A day that is not
 * complete makes the report refuse, so the step fails and the next tick tries again once the transform has
 * loaded it.
 */
public final class ReportStep implements Step {
    private final LakeClients clients;

    public ReportStep(LakeClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String run(ZonedDateTime tick) {
        LocalDate day = tick.toLocalDate().minusDays(1);
        try (S3Client client = clients.s3()) {
            ReportResult result = new ReportRunner(clients.trino(), client, clients.schemas())
                    .run(ReportRequest.withDefaultOutput(day, Period.DAY));
            return String.format(
                    "wrote the day report of %s: %d files in %s and s3://%s/%s.",
                    day,
                    result.files().size(),
                    result.outputDir(),
                    result.bucket(),
                    result.s3Keys().isEmpty() ? "" : result.s3Keys().get(0).replaceAll("[^/]*$", ""));
        }
    }
}
