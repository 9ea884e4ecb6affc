package dev.loglake.generator.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.manifest.ManifestJson;
import dev.loglake.generator.store.TestingObjectStore;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * {@code generate --site NAME}: the logs, the hours' completion markers and the manifest of a site go into its own
 * site= folders, beside the default site's, and the manifest records the site; the default site writes exactly
 * the keys it always did.
 */
class TestGenerateSite {
    private static final LocalDate START = LocalDate.of(2026, 11, 1);

    @Test
    void aSiteWritesIntoItsOwnFoldersAndItsManifestSaysWhichSite() {
        TestingObjectStore store = new TestingObjectStore();
        GenerateOptions options = GenerateTesting.options(START, 1, 5_000, OutputFormat.COMBINED, 0, 0)
                .withSite("shop");

        GenerateResult result = run(options, store);

        assertThat(store.list("access/"))
                .hasSize(24)
                .allMatch(key -> key.startsWith("access/combined/site=shop/dt=2026-11-01/hour="));
        assertThat(store.list("markers/"))
                .hasSize(24)
                .allMatch(key -> key.startsWith("markers/access/combined/site=shop/dt=2026-11-01/hour="));
        assertThat(result.manifestKey()).startsWith("manifests/generate/combined/site=shop/start=2026-11-01_");
        assertThat(result.manifest().run().site()).isEqualTo("shop");
        assertThat(ManifestJson.fromJson(store.get(result.manifestKey()), "test"))
                .isEqualTo(result.manifest());
        assertThat(run(options, store).hoursSkipped())
                .as("hours a rerun of the site finds done")
                .isEqualTo(24);
    }

    @Test
    void theDefaultSiteKeepsItsKeysAndFingerprint() {
        GenerateOptions options = GenerateTesting.options(START, 1, 5_000, OutputFormat.COMBINED, 0, 0);
        TestingObjectStore store = new TestingObjectStore();

        GenerateResult result = run(options.withSite("default"), store);

        assertThat(store.list("access/")).allMatch(key -> key.startsWith("access/combined/dt=2026-11-01/hour="));
        assertThat(result.manifest().run().site()).isEqualTo("default");
        assertThat(RunFingerprint.of(options.withSite("default"))).isEqualTo(RunFingerprint.of(options));
        assertThat(RunFingerprint.of(options.withSite("shop"))).isNotEqualTo(RunFingerprint.of(options));
    }

    @Test
    void aSiteNameThatIsNoFolderNameIsRefused() {
        GenerateOptions options = GenerateTesting.options(START, 1, 5_000, OutputFormat.COMBINED, 0, 0);

        assertThatThrownBy(() -> options.withSite("Shop/../x"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Invalid site name 'Shop/../x'");
    }

    private static GenerateResult run(GenerateOptions options, TestingObjectStore store) {
        return new GenerateRun(options, store, GenerateTesting.silentProgress()).execute();
    }
}
