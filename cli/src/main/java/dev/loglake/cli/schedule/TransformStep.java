package dev.loglake.cli.schedule;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.core.s3.S3Clients;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.scheduler.Step;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformRunner;
import dev.loglake.transforms.run.TransformSummary;
import java.time.ZonedDateTime;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Loads every raw day not loaded yet ({@code loglake transform} with no dates). A day a failed run left
 * incomplete is not complete in the ledger, so the next run loads it again: retries need no state here.
 */
public final class TransformStep implements Step {
    private final TrinoConfig trino;
    private final S3Config s3;
    private final LakeSchemas schemas;
    private final TransformConfig transform;

    public TransformStep(TrinoConfig trino, S3Config s3, LakeSchemas schemas, TransformConfig transform) {
        this.trino = requireNonNull(trino, "trino is null");
        this.s3 = requireNonNull(s3, "s3 is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.transform = requireNonNull(transform, "transform is null");
    }

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public String run(ZonedDateTime tick) {
        // A client per run: a long-lived process must not depend on a connection opened hours ago.
        try (S3Client client = S3Clients.create(s3)) {
            return describe(new TransformRunner(new TrinoConnections(trino), client, schemas, transform)
                    .run(TransformRequest.pending()));
        }
    }

    static String describe(TransformSummary summary) {
        if (summary.nothingToDo()) {
            return "no new raw day; every raw day is loaded already.";
        }
        return String.format(
                "loaded %d raw day(s) %s into event day(s) %s: %,d requests, %,d lines quarantined (run %s).",
                summary.arrivalDays().size(),
                DayRange.consecutive(summary.arrivalDays()),
                DayRange.consecutive(summary.eventDays()),
                summary.requestsLoaded(),
                summary.linesQuarantined(),
                summary.runId());
    }
}
