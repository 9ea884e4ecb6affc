package dev.loglake.it.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.reports.period.PeriodWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/** What the report CronJob needs in the lake, and what it must leave in the reports bucket. */
final class NightlyReports {
    private static final Pattern STORED =
            Pattern.compile("(?m)written to (\\S+) \\(open .*\\) and stored in s3://([^/\\s]+)/(\\S+/)$");

    private NightlyReports() {}

    /**
     * The days a lake must hold for the nightly report of {@code today} to succeed: the report refuses a period with
     * fewer than half its days complete, so the later half of each period that ended yesterday (yesterday alone; on
     * a Monday also four days of the week; on the 1st also 14 to 16 days of the month).
     */
    static List<LocalDate> daysItReads(LocalDate today) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (PeriodWindow window : PeriodWindow.endedBefore(today)) {
            int half = (window.dayCount() + 1) / 2;
            days.addAll(window.days().subList(window.dayCount() - half, window.dayCount()));
        }
        return List.copyOf(days);
    }

    /** Every file the run wrote into its working directory is in the reports bucket, byte for byte. */
    static void assertStored(CronJobProcess.Run report, S3Client s3, String reportsBucket, int expectedReports)
            throws IOException {
        Matcher stored = STORED.matcher(report.stdout());
        List<String> prefixes = new ArrayList<>();
        while (stored.find()) {
            assertThat(stored.group(2)).as("the bucket the report names").isEqualTo(reportsBucket);
            Path folder = report.workingDirectory().resolve(stored.group(1));
            List<Path> files = files(folder);
            assertThat(files).as("report files in %s", folder).isNotEmpty();
            for (Path file : files) {
                String key = stored.group(3) + folder.relativize(file);
                assertThat(s3.getObjectAsBytes(
                                        request -> request.bucket(reportsBucket).key(key))
                                .asByteArray())
                        .as("s3://%s/%s", reportsBucket, key)
                        .isEqualTo(Files.readAllBytes(file));
            }
            prefixes.add(stored.group(3));
        }
        assertThat(prefixes)
                .as("reports the run stored (its output:%n%s)", report.stdout())
                .hasSize(expectedReports);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
