package dev.loglake.generator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.store.TestingObjectStore;
import dev.loglake.lake.model.ModelCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestIngestFormat {
    @TempDir
    Path directory;

    @Test
    void everyFormatIngestAcceptsIsParsedByAStagingFileOfItsName() {
        assertThat(Arrays.stream(IngestFormat.values()).map(IngestFormat::folder))
                .as("ingest's formats and the lake's sql/staging/formats/ files")
                .containsExactlyInAnyOrderElementsOf(
                        ModelCatalog.lake().formats().keySet());
    }

    @Test
    void anUnknownFormatNamesTheValueAndTheKnownFormats() {
        assertThatThrownBy(() -> IngestFormat.parse("nginx"))
                .isInstanceOf(LoglakeException.class)
                .hasMessage("Unknown ingest format 'nginx'. Expected one of: combined, common,"
                        + " combined_request_time, vhost_combined.");
        assertThat(IngestFormat.parse(" VHOST_combined")).isEqualTo(IngestFormat.VHOST_COMBINED);
    }

    @Test
    void aNamedSourceHasASiteFolderAndAnInvalidNameIsRefused() throws IOException {
        Path log = directory.resolve("access.log");
        Files.writeString(log, "192.0.2.1 - - [01/Nov/2026:10:15:32 +0000] \"GET / HTTP/1.1\" 200 5\n");
        TestingObjectStore store = new TestingObjectStore();

        new Ingester(store, new IngestOptions(List.of(log), IngestFormat.COMMON, "shop.example.com", ""), quiet())
                .run();

        assertThat(store.list("access/")).singleElement().satisfies(key -> assertThat(key)
                .matches("access/common/site=shop\\.example\\.com/dt=2026-11-01/hour=10/ingest-[0-9a-f]{12}"
                        + "\\.log\\.gz"));
        for (String bad : List.of("Shop", "", "../x", "a/b", "shop_1")) {
            assertThatThrownBy(() -> new IngestOptions(List.of(log), IngestFormat.COMMON, bad, ""))
                    .as(bad)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("Invalid site name '" + bad + "'");
        }
    }

    private static ProgressReporter quiet() {
        return new ProgressReporter(
                "lines", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
    }

    @Test
    void linesLandInTheFolderOfTheDeclaredFormatAndAreRoutedByTheirTime() throws IOException {
        String[] lines = {
            "www.example.com:443 192.0.2.1 - - [01/Nov/2026:10:15:32 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/8\"",
            "[2001:db8::1]:80 2001:db8::2 - - [01/Nov/2026:11:00:00 -0100] \"GET /b HTTP/1.1\" 200 5 \"-\" \"x\"",
        };
        Path log = directory.resolve("other_vhosts_access.log");
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        TestingObjectStore store = new TestingObjectStore();

        IngestSummary summary = new Ingester(
                        store,
                        new IngestOptions(List.of(log), IngestFormat.VHOST_COMBINED, ""),
                        new ProgressReporter(
                                "lines", 0, new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime))
                .run();

        assertThat(summary.linesRouted()).isEqualTo(2);
        assertThat(summary.routedWithoutShape())
                .as("both have the vhost_combined shape")
                .isZero();
        assertThat(store.list("access/"))
                .allMatch(key -> key.matches(
                        "access/vhost_combined/dt=2026-11-01/hour=(10|12)/ingest-[0-9a-f]{12}" + "\\.log\\.gz"))
                .hasSize(2);
    }
}
