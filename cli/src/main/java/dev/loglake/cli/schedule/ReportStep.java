package dev.loglake.cli.schedule;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.s3.S3Clients;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.LakeSchemas;
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
    private final TrinoConfig trino;
    private final S3Config s3;
    private final LakeSchemas schemas;

    public ReportStep(TrinoConfig trino, S3Config s3, LakeSchemas schemas) {
        this.trino = requireNonNull(trino, "trino is null");
        this.s3 = requireNonNull(s3, "s3 is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String run(ZonedDateTime tick) {
        LocalDate day = tick.toLocalDate().minusDays(1);
        try (S3Client client = S3Clients.create(s3)) {
            ReportResult result = new ReportRunner(new TrinoConnections(trino), client, schemas)
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
