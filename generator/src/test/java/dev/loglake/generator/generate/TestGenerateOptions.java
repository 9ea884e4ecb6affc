package dev.loglake.generator.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.model.IncidentKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TestGenerateOptions {
    private static final LocalDate START = LocalDate.of(2026, 11, 1);

    @Test
    void badValuesNameTheOptionAndWhatIsExpected() {
        assertUserError(
                () -> GenerateTesting.options(START, 1, -1, OutputFormat.COMBINED, 0, 0),
                "--events-per-day -1",
                "Expected 0 to");
        assertUserError(
                () -> GenerateTesting.options(START, 0, 10, OutputFormat.COMBINED, 0, 0), "--days 0", "Expected 1 to");
        assertUserError(
                () -> GenerateTesting.options(START, 1, 10, OutputFormat.COMBINED, 0.9, 0),
                "--late-share 0.9",
                "fraction");
        assertUserError(
                () -> GenerateOptions.daysBetween(START, START.minusDays(1)), "--end 2026-10-31", "before --start");
        assertUserError(
                () -> OutputFormat.parse("xml"),
                "'xml'",
                "combined, common, combined_request_time, vhost_combined, alb, cloudfront, nginx_json, parquet");
        assertUserError(() -> Compression.parse("lz4"), "'lz4'", "gzip, zstd, none");
        assertUserError(() -> Compression.GZIP.checkLevel(10), "level 10", "1 to 9");
        assertUserError(() -> IncidentParser.parse("errors,noon,PT1M,/x"), "--incident", "UTC instant");
    }

    @Test
    void incidentsParse() {
        var incident = IncidentParser.parse("latency,2026-11-03T14:00:00Z,PT30M,/search,/api/");
        assertThat(incident.kind()).isEqualTo(IncidentKind.LATENCY);
        assertThat(incident.pathPrefixes()).containsExactly("/search", "/api/");
        assertThat(IncidentParser.parse(incident.describe())).isEqualTo(incident);
    }

    @Test
    void daysIncludeBothEnds() {
        assertThat(GenerateOptions.daysBetween(START, START)).isEqualTo(1);
        assertThat(GenerateOptions.daysBetween(START, START.plusDays(6))).isEqualTo(7);
    }

    @Test
    void theFingerprintFollowsEveryArgument() {
        GenerateOptions options = GenerateTesting.options(START, 2, 1000, OutputFormat.COMBINED, 0.01, 0.01);
        assertThat(RunFingerprint.of(options))
                .isEqualTo(
                        RunFingerprint.of(GenerateTesting.options(START, 2, 1000, OutputFormat.COMBINED, 0.01, 0.01)));
        assertThat(RunFingerprint.of(options))
                .isNotEqualTo(
                        RunFingerprint.of(GenerateTesting.options(START, 2, 1001, OutputFormat.COMBINED, 0.01, 0.01)));
        assertThat(RunFingerprint.of(options))
                .isNotEqualTo(RunFingerprint.of(
                        GenerateTesting.options(START, 2, 1000, OutputFormat.NGINX_JSON, 0.01, 0.01)));
    }

    private static void assertUserError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String... parts) {
        var assertion = assertThatThrownBy(call).isInstanceOf(LoglakeException.class);
        assertion.matches(e -> ((LoglakeException) e).kind() == LoglakeException.Kind.USER, "a user error");
        for (String part : parts) {
            assertion.hasMessageContaining(part);
        }
    }
}
