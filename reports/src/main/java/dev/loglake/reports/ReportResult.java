package dev.loglake.reports;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report run wrote.
 *
 * @param periodKey the period's key, such as {@code 2026-11-03}, {@code 2026-W45} or {@code 2026-11}
 * @param files the local files, report.html first
 * @param s3Keys the keys of the same files in {@code bucket}, under {@code reports/<period>/<key>/}
 * @param missingDays the days of the period left out because they are not complete
 */
public record ReportResult(
        Period period,
        String periodKey,
        Path outputDir,
        List<Path> files,
        String bucket,
        List<String> s3Keys,
        List<MissingDay> missingDays) {
    public ReportResult {
        requireNonNull(period, "period is null");
        requireNonNull(periodKey, "periodKey is null");
        requireNonNull(outputDir, "outputDir is null");
        files = List.copyOf(files);
        requireNonNull(bucket, "bucket is null");
        s3Keys = List.copyOf(s3Keys);
        missingDays = List.copyOf(missingDays);
    }

    /** The S3 prefix of a period's report: {@code reports/week/2026-W45/}. */
    public static String s3Prefix(Period period, String periodKey) {
        return "reports/" + period.id() + "/" + periodKey + "/";
    }
}
