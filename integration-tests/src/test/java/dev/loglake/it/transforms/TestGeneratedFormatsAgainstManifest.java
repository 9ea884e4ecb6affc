package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.format.ParquetDecoder;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The generator writes every declared log format and Parquet, and each is exact against its own manifest once
 * loaded: every format gets a day of its own in one lake (with malformed lines of every kind a text format can have,
 * and CloudFront's header lines; Parquet's typed records have none), so that one transform loads them all and no format's figures mix with another's. The manifest counts what each format keeps (the common format: no user agent, so no bots and
 * one visitor per address), and the lake must equal it on every figure, the quarantine included.
 */
@ExtendWith(LocalStackExtension.class)
class TestGeneratedFormatsAgainstManifest {
    private static final LocalDate START = LocalDate.of(2033, 5, 1);
    /**
     * One day each: a small day's load is mostly Trino's fixed cost per statement, so two days per format (to have
     * late events) doubled the test's time. Late events are the transforms' rule, the same for every
     * format (TestTransformsAgainstManifest checks them); what a format changes is how its times are read, which
     * every request of its day checks.
     */
    private static final int DAYS_PER_FORMAT = 1;

    @Test
    void everyGeneratedFormatEqualsItsManifest(TestStack stack) throws SQLException {
        TransformFixture lake = new TransformFixture(stack, "generated_formats");
        Map<OutputFormat, Manifest> manifests = new LinkedHashMap<>();
        LocalDate start = START;
        for (OutputFormat format : OutputFormat.values()) {
            manifests.put(format, lake.generate(format, start, DAYS_PER_FORMAT, 3_000, 0, 0.01));
            start = start.plusDays(DAYS_PER_FORMAT);
        }

        lake.transform(TransformRequest.pending());

        // Every format is compared before the test fails, so that a failure names all the formats that differ.
        Map<OutputFormat, String> differences = new LinkedHashMap<>();
        manifests.forEach((format, manifest) -> {
            if (format.text()) {
                assertThat(manifest.arrivalDates().values())
                        .as("malformed lines written in " + format)
                        .anySatisfy(day -> assertThat(day.malformedLines()).isPositive());
            } else {
                assertThat(manifest.arrivalDates().values())
                        .as("malformed records written in " + format + ": typed fields have none")
                        .allSatisfy(day -> assertThat(day.malformedLines()).isZero());
            }
            try {
                ManifestChecks.assertLakeMatches(lake, manifest);
            } catch (AssertionError e) {
                differences.put(format, e.getMessage());
            }
        });
        assertThat(differences)
                .as("formats whose lake differs from their manifest")
                .isEmpty();
        Map<String, Long> bots = new LinkedHashMap<>();
        manifests.forEach((format, manifest) -> bots.put(
                format.folder(),
                manifest.eventDates().values().stream()
                        .mapToLong(day -> day.botEvents())
                        .sum()));
        assertThat(bots)
                .as("bot requests per format: none without a user agent")
                .allSatisfy((format, count) -> {
                    if (format.equals("common")) {
                        assertThat(count).isZero();
                    } else {
                        assertThat(count).isPositive();
                    }
                });
        assertThat(lake.single("SELECT count(*) FROM " + lake.table("raw", "log_lines")
                        + " WHERE log_format = 'cloudfront' AND starts_with(line, '#Fields: date time ')"))
                .as("CloudFront header lines in the raw objects (skipped, not quarantined)")
                .isPositive();
        assertParquetTimesAreExact(stack, lake, manifests.get(OutputFormat.PARQUET));
    }

    /**
     * Parquet's time is a timestamp-millis (UTC) that Trino reads with its type, not a text to parse: the staged
     * times of the Parquet day are the objects' own, second for second (their count, sum, first and last), read
     * back from the objects themselves. A zone applied on read would shift every one of them.
     */
    private static void assertParquetTimesAreExact(TestStack stack, TransformFixture lake, Manifest manifest)
            throws SQLException {
        String day = manifest.arrivalDates().keySet().iterator().next();
        LongSummaryStatistics written = new LongSummaryStatistics();
        try (S3Client s3 = stack.newS3Client()) {
            String bucket = lake.lake().rawBucket();
            s3
                    .listObjectsV2Paginator(request -> request.bucket(bucket).prefix("access/parquet/dt=" + day + "/"))
                    .contents()
                    .stream()
                    .filter(object -> object.key().endsWith(".parquet"))
                    .forEach(object -> ParquetDecoder.decode(s3.getObjectAsBytes(
                                            request -> request.bucket(bucket).key(object.key()))
                                    .asByteArray())
                            .forEach(record -> written.accept(record.epochSecond())));
        }
        List<Object> staged = lake.rows("SELECT count(*), CAST(sum(s) AS bigint), CAST(min(s) AS bigint),"
                        + " CAST(max(s) AS bigint) FROM (SELECT to_unixtime(with_timezone(event_time, 'UTC')) AS s FROM "
                        + lake.table("staging", "parsed_lines") + " WHERE arrival_dt = DATE '" + day + "'"
                        + " AND error IS NULL)")
                .get(0);
        assertThat(staged)
                .as("count, sum, first and last epoch second of the Parquet day " + day
                        + ": staged, and as written in its objects")
                .containsExactly(written.getCount(), written.getSum(), written.getMin(), written.getMax());
    }
}
