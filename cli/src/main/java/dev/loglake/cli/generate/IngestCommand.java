package dev.loglake.cli.generate;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.core.s3.S3Clients;
import dev.loglake.generator.ingest.IngestFormat;
import dev.loglake.generator.ingest.IngestOptions;
import dev.loglake.generator.ingest.IngestSummary;
import dev.loglake.generator.ingest.Ingester;
import dev.loglake.generator.store.S3Access;
import dev.loglake.generator.store.S3ObjectStore;
import dev.loglake.lake.RawLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code loglake ingest}: real access logs into the raw bucket, each line under the date it belongs to. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Upload existing access logs (plain or gzip) to the raw bucket under access/<format>/dt=YYYY-MM-DD/hour=HH/,"
                    + " each line by its own time (UTC). The format is declared, never guessed from a line.",
            "Lines without a valid time go to quarantine/ingest/ and are counted; none is dropped. Of a line longer"
                    + " than 262,144 bytes only the head is kept, in quarantine/ingest/too-long/."
        })
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Log files, or folders to read every file of.")
    List<Path> inputs;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "combined",
            description = "The format the logs are written in: combined (optionally followed by Apache's %%D),"
                    + " common, combined_request_time (nginx's combined followed by $request_time) or"
                    + " vhost_combined (Apache's, %%v:%%p first), alb (AWS Application Load Balancer access logs),"
                    + " cloudfront (CloudFront standard logs) or nginx_json (nginx's escape=json log)"
                    + " (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--site",
            paramLabel = "NAME",
            defaultValue = RawLayout.DEFAULT_SITE,
            description =
                    "The source's name, such as shop or shop.example.com: its lines go under"
                            + " access/<format>/site=NAME/ (default: ${DEFAULT-VALUE}, no site folder). A vhost_combined"
                            + " line's site is its virtual host, an alb line's its load balancer's name, a cloudfront line's its distribution's domain.")
    String site;

    @Override
    public Integer call() {
        IngestOptions options = new IngestOptions(inputs, IngestFormat.parse(format), site, "");
        Settings settings = config.settings();
        String bucket = LakeConfig.from(settings).rawBucket();
        try (S3Client s3 = S3Clients.create(S3Config.from(settings), 4)) {
            S3Access.checkBucket(s3, bucket, LakeConfig.RAW_BUCKET, settings);
            S3ObjectStore store = new S3ObjectStore(s3, bucket, S3Access.describeEndpoint(settings));
            IngestSummary summary;
            try (ProgressReporter progress =
                    ProgressReporter.toStderr("lines", 0).start()) {
                summary = new Ingester(store, options, progress).run();
            }
            if (summary.linesRead() == 0) {
                // Not an error: an empty log is a quiet night or a freshly rotated file, and a cron job that
                // ingests it must not fail. Said in words, so that a wrong path is not mistaken for a load.
                System.out.println(nothingToIngest(summary));
            } else {
                System.out.printf(
                        Locale.ROOT,
                        "Read %,d lines from %d files: %,d routed to %d dates, %,d quarantined"
                                + " (s3://%s/quarantine/ingest/), %,d routed lines not in %s shape; %d objects.%n",
                        summary.linesRead(),
                        summary.files(),
                        summary.linesRouted(),
                        summary.byDate().size(),
                        summary.linesQuarantined(),
                        bucket,
                        summary.routedWithoutShape(),
                        options.format(),
                        summary.objects());
                if (summary.headerLines() > 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "Skipped %,d header lines of the format (#Version, #Fields): they hold no request.%n",
                            summary.headerLines());
                }
                if (!summary.emptyFiles().isEmpty()) {
                    System.out.println("Empty, nothing to ingest: " + String.join(", ", summary.emptyFiles()));
                }
            }
            if (summary.bytesAlreadyIngested() > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "Skipped %,d bytes an earlier ingest stored (s3://%s/%s).%n",
                        summary.bytesAlreadyIngested(),
                        bucket,
                        Ingester.STATE_PREFIX);
            }
            if (summary.leftoversDeleted() > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "Deleted %d objects an interrupted ingest of these logs had stored: their lines are in this"
                                + " run's objects.%n",
                        summary.leftoversDeleted());
            }
            if (summary.linesTooLong() > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "%,d of the quarantined lines are longer than %,d bytes (only their head was kept, in"
                                + " s3://%s/%s), in: %s%n",
                        summary.linesTooLong(),
                        Ingester.MAX_LINE_BYTES,
                        bucket,
                        Ingester.TOO_LONG_QUARANTINE_PREFIX,
                        String.join(", ", summary.filesWithTooLongLines()));
            }
            summary.byDate()
                    .forEach((date, lines) -> System.out.printf(Locale.ROOT, "  dt=%s  %,d lines%n", date, lines));
        }
        return 0;
    }

    /** Why a run read no line: no file, empty files, logs with no new lines since the last ingest, or both. */
    static String nothingToIngest(IngestSummary summary) {
        if (summary.files() == 0) {
            return "Nothing to ingest: no file in the folders given; no object was stored.";
        }
        List<String> reasons = new ArrayList<>();
        if (!summary.emptyFiles().isEmpty()) {
            reasons.add((summary.emptyFiles().size() == 1
                            ? "1 empty file ("
                            : summary.emptyFiles().size() + " empty files (")
                    + String.join(", ", summary.emptyFiles()) + ")");
        }
        int unchanged = summary.files() - summary.emptyFiles().size();
        if (unchanged > 0) {
            reasons.add(unchanged + (unchanged == 1 ? " file" : " files") + " with no new lines since the last ingest");
        }
        return "Nothing to ingest: " + String.join(" and ", reasons) + "; no object was stored.";
    }
}
