package dev.loglake.cli.schedule;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeClients;
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
    private final LakeClients clients;
    private final TransformConfig transform;
    private final LeaseConfig lease;

    public TransformStep(LakeClients clients, TransformConfig transform, LeaseConfig lease) {
        this.clients = requireNonNull(clients, "clients is null");
        this.transform = requireNonNull(transform, "transform is null");
        this.lease = requireNonNull(lease, "lease is null");
    }

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public String run(ZonedDateTime tick) {
        // A client per run: a long-lived process must not depend on a connection opened hours ago.
        try (S3Client client = clients.s3()) {
            return describe(new TransformRunner(clients.trino(), client, clients.schemas(), transform, lease)
                    .run(TransformRequest.pending()));
        }
    }

    static String describe(TransformSummary summary) {
        if (summary.nothingToDo()) {
            return "no new raw day; every raw day is complete already.";
        }
        return String.format(
                "loaded %d raw day(s) %s into event day(s) %s: %,d requests, %,d lines quarantined%s (run %s).",
                summary.arrivalDays().size(),
                DayRange.consecutive(summary.arrivalDays()),
                DayRange.consecutive(summary.eventDays()),
                summary.requestsLoaded(),
                summary.linesQuarantined(),
                summary.partialDays().isEmpty()
                        ? ""
                        : "; partial, loaded again until complete: " + DayRange.consecutive(summary.partialDays()),
                summary.runId());
    }
}
