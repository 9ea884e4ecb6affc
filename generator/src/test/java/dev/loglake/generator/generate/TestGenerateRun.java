package dev.loglake.generator.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.manifest.ManifestJson;
import dev.loglake.generator.model.IpPlan;
import dev.loglake.generator.store.OpenUpload;
import dev.loglake.generator.store.TestingObjectStore;
import dev.loglake.lake.RawLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestGenerateRun {
    private static final LocalDate START = LocalDate.of(2026, 11, 1);

    @Test
    void manifestEqualsARecountOfTheObjects() {
        for (OutputFormat format : List.of(OutputFormat.COMBINED, OutputFormat.PARQUET)) {
            TestingObjectStore store = new TestingObjectStore();
            GenerateOptions options = GenerateTesting.options(START, 3, 20_000, format, 0.02, 0.003);
            Manifest manifest = run(options, store).manifest();
            ManifestRecount recount = ManifestRecount.of(store, format);
            assertThat(recount.eventDates).as(format.folder()).isEqualTo(manifest.eventDates());
            assertThat(recount.arrivalDates).as(format.folder()).isEqualTo(manifest.arrivalDates());
            assertThat(manifest.eventDates().keySet()).containsExactly("2026-11-01", "2026-11-02", "2026-11-03");
            assertThat(manifest.eventDates().get("2026-11-01").lateEvents()).isPositive();
            assertThat(manifest.eventDates().get("2026-11-03").lateEvents()).isZero();
            if (format.text()) {
                assertThat(manifest.arrivalDates().get("2026-11-02").malformedLines())
                        .isPositive();
            }
        }
    }

    @Test
    void theSameArgumentsWriteTheSameBytes() {
        TestingObjectStore first = new TestingObjectStore();
        TestingObjectStore second = new TestingObjectStore();
        GenerateOptions options = GenerateTesting.options(START, 2, 10_000, OutputFormat.COMBINED, 0.01, 0.01);
        run(options, first);
        run(withThreads(options, 1), second);
        assertThat(second.objects().keySet()).isEqualTo(first.objects().keySet());
        for (Map.Entry<String, byte[]> object : first.objects().entrySet()) {
            assertThat(second.objects().get(object.getKey()))
                    .as(object.getKey())
                    .isEqualTo(object.getValue());
        }
    }

    @Test
    void aRerunWritesOnlyTheMissingHours() {
        TestingObjectStore store = new TestingObjectStore();
        GenerateOptions options = GenerateTesting.options(START, 2, 10_000, OutputFormat.COMBINED, 0.01, 0.01);
        Manifest complete = run(options, store).manifest();
        String fingerprint = RunFingerprint.of(options);
        String lostObject = store.list(RawLayout.hourPrefix("", "combined", START.plusDays(1), 7))
                .get(0);
        byte[] lostBytes = store.get(lostObject);
        store.delete(List.of(
                lostObject, GeneratedKeys.markerKey("", OutputFormat.COMBINED, START.plusDays(1), 7, fingerprint)));
        store.clearWrittenKeys();

        GenerateResult rerun = run(options, store);

        assertThat(rerun.hoursWritten()).isEqualTo(1);
        assertThat(rerun.hoursSkipped()).isEqualTo(47);
        assertThat(store.writtenKeys())
                .filteredOn(key -> key.startsWith("access/"))
                .containsExactly(lostObject);
        assertThat(store.get(lostObject)).isEqualTo(lostBytes);
        assertThat(rerun.manifest()).isEqualTo(complete);
    }

    /**
     * A run killed during a multipart upload leaves it open; the rerun aborts it, as its own, and says so. Uploads
     * outside the hours it writes, or of objects it does not name, may be another writer's and are left alone.
     */
    @Test
    void aRerunAbortsTheUploadsAKilledRunLeftOpenInTheHoursItWrites() {
        TestingObjectStore store = new TestingObjectStore();
        GenerateOptions options = GenerateTesting.options(START, 2, 10_000, OutputFormat.COMBINED, 0.01, 0.01);
        run(options, store);
        LocalDate lostDay = START.plusDays(1);
        String lostHour = RawLayout.hourPrefix("", "combined", lostDay, 7);
        String lostObject = store.list(lostHour).get(0);
        store.delete(List.of(
                lostObject,
                GeneratedKeys.markerKey("", OutputFormat.COMBINED, lostDay, 7, RunFingerprint.of(options))));
        OpenUpload killed = store.leaveUploadOpen(lostObject);
        List<OpenUpload> notThisRuns = List.of(
                store.leaveUploadOpen(store.list(RawLayout.hourPrefix("", "combined", START, 3))
                        .get(0)),
                store.leaveUploadOpen(lostHour + "ingest-0123abcd.log.gz"),
                store.leaveUploadOpen(RawLayout.hourPrefix("", "common", lostDay, 7) + "generated-x.log.gz"));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();

        GenerateResult rerun = new GenerateRun(
                        options,
                        store,
                        GenerateTesting.silentProgress(),
                        new PrintStream(messages, true, StandardCharsets.UTF_8))
                .execute();

        assertThat(store.openUploads("")).doesNotContain(killed).containsExactlyInAnyOrderElementsOf(notThisRuns);
        assertThat(messages.toString(StandardCharsets.UTF_8))
                .contains("Aborted 1 multipart upload an earlier run left open in memory")
                .endsWith(": " + lostObject + System.lineSeparator());
        assertThat(rerun.hoursWritten()).isEqualTo(1);
        assertThat(store.list(lostHour)).containsExactly(lostObject);
    }

    @Test
    void aRunWithNoUploadLeftOpenSaysNothingAboutUploads() {
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        new GenerateRun(
                        GenerateTesting.options(START, 1, 5_000, OutputFormat.COMBINED, 0, 0),
                        new TestingObjectStore(),
                        GenerateTesting.silentProgress(),
                        new PrintStream(messages, true, StandardCharsets.UTF_8))
                .execute();
        assertThat(messages.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aRerunWithOtherArgumentsLeavesNoStaleObjects() {
        TestingObjectStore store = new TestingObjectStore();
        GenerateOptions many =
                withMaxEventsPerObject(GenerateTesting.options(START, 1, 60_000, OutputFormat.COMBINED, 0, 0), 1_000);
        run(many, store);
        assertThat(store.list(RawLayout.hourPrefix("", "combined", START, 12))).hasSizeGreaterThan(1);
        run(GenerateTesting.options(START, 1, 60_000, OutputFormat.COMBINED, 0, 0), store);
        assertThat(store.list(RawLayout.hourPrefix("", "combined", START, 12))).hasSize(1);
        assertThat(store.list("markers/access/combined/dt=2026-11-01/hour=12/")).hasSize(1);
        assertThat(ManifestRecount.of(store, OutputFormat.COMBINED)
                        .eventDates
                        .get("2026-11-01")
                        .validEvents())
                .isEqualTo(run(GenerateTesting.options(START, 1, 60_000, OutputFormat.COMBINED, 0, 0), store)
                        .manifest()
                        .totalValidEvents());
    }

    @Test
    void writesTheLayoutTheManifestAndTheReferenceTable() {
        TestingObjectStore store = new TestingObjectStore();
        GenerateOptions options = GenerateTesting.options(START, 1, 5_000, OutputFormat.NGINX_JSON, 0, 0);
        GenerateResult result = run(options, store);
        assertThat(store.list("access/nginx_json/dt=2026-11-01/hour=00/"))
                .containsExactly("access/nginx_json/dt=2026-11-01/hour=00/generated-2026-11-01-00-0000.log.gz");
        assertThat(store.list("markers/access/nginx_json/dt=2026-11-01/hour=00/"))
                .hasSize(1);
        assertThat(result.manifestKey()).startsWith("manifests/generate/nginx_json/start=2026-11-01_days=1_seed=42_");
        assertThat(ManifestJson.fromJson(store.get(result.manifestKey()), "test"))
                .isEqualTo(result.manifest());
        assertThat(new String(store.get(RawLayout.IP_BLOCKS_KEY), StandardCharsets.UTF_8)
                        .lines()
                        .toList())
                .isEqualTo(IpPlan.referenceLines());
        assertThat(store.list("access/")).hasSize(24);
    }

    @Test
    void zeroSharesWriteNoLateAndNoMalformedLines() {
        TestingObjectStore store = new TestingObjectStore();
        Manifest manifest = run(GenerateTesting.options(START, 2, 5_000, OutputFormat.COMBINED, 0, 0), store)
                .manifest();
        assertThat(manifest.arrivalDates().values())
                .allMatch(day -> day.malformedLines() == 0 && day.lateEventsArrived() == 0);
    }

    private static GenerateResult run(GenerateOptions options, TestingObjectStore store) {
        return new GenerateRun(options, store, GenerateTesting.silentProgress()).execute();
    }

    private static GenerateOptions withThreads(GenerateOptions o, int threads) {
        return new GenerateOptions(
                o.start(),
                o.days(),
                o.eventsPerDay(),
                o.seed(),
                o.format(),
                o.compression(),
                o.compressionLevel(),
                o.lateShare(),
                o.malformedShare(),
                o.incidents(),
                threads,
                o.maxEventsPerObject(),
                o.keyPrefix(),
                o.manifestFile());
    }

    private static GenerateOptions withMaxEventsPerObject(GenerateOptions o, long max) {
        return new GenerateOptions(
                o.start(),
                o.days(),
                o.eventsPerDay(),
                o.seed(),
                o.format(),
                Compression.GZIP,
                o.compressionLevel(),
                o.lateShare(),
                o.malformedShare(),
                o.incidents(),
                o.threads(),
                max,
                o.keyPrefix(),
                Optional.empty());
    }
}
