package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generator writes every declared log format, and each is exact against its own manifest once loaded: every
 * format gets a day of its own in one lake (with malformed lines of every kind the format can have, and
 * CloudFront's header lines), so that one transform loads them all and no format's figures mix with another's. The manifest counts what each format keeps (the common format: no user agent, so no bots and
 * one visitor per address), and the lake must equal it on every figure, the quarantine included.
 */
@ExtendWith(LocalStackExtension.class)
class TestGeneratedFormatsAgainstManifest {
    private static final LocalDate START = LocalDate.of(2033, 5, 1);
    /**
     * One day each: registering a raw day's 24 hour partitions is most of a small day's load, so two days per format
     * (to have late events) doubled the test's time. Late events are the transforms' rule, the same for every
     * format (TestTransformsAgainstManifest checks them); what a format changes is how its times are read, which
     * every request of its day checks.
     */
    private static final int DAYS_PER_FORMAT = 1;

    @Test
    void everyGeneratedFormatEqualsItsManifest(TestStack stack) throws SQLException {
        TransformFixture lake = new TransformFixture(stack, "generated_formats");
        Map<OutputFormat, Manifest> manifests = new LinkedHashMap<>();
        LocalDate start = START;
        for (OutputFormat format : textFormats()) {
            manifests.put(format, lake.generate(format, start, DAYS_PER_FORMAT, 3_000, 0, 0.01));
            start = start.plusDays(DAYS_PER_FORMAT);
        }

        lake.transform(TransformRequest.pending());

        // Every format is compared before the test fails, so that a failure names all the formats that differ.
        Map<OutputFormat, String> differences = new LinkedHashMap<>();
        manifests.forEach((format, manifest) -> {
            assertThat(manifest.arrivalDates().values())
                    .as("malformed lines written in " + format)
                    .anySatisfy(day -> assertThat(day.malformedLines()).isPositive());
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
    }

    private static List<OutputFormat> textFormats() {
        return List.of(OutputFormat.values()).stream()
                .filter(OutputFormat::text)
                .toList();
    }
}
