package dev.loglake.generator.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestManifestJson {
    @TempDir
    Path directory;

    @Test
    void roundTripsThroughAFile() {
        Manifest manifest = new Manifest(
                Manifest.FORMAT_VERSION,
                new RunArguments(
                        "2026-11-01",
                        1,
                        10,
                        42,
                        "combined",
                        "gzip",
                        1,
                        0.01,
                        0.001,
                        List.of("errors,2026-11-01T13:00:00Z,PT30M,/checkout"),
                        "abc",
                        "default"),
                Map.of(
                        "2026-11-01",
                        new EventDateStats(
                                3,
                                Map.of(200, 2L, 404, 1L),
                                1234,
                                2,
                                3,
                                List.of(new PathCount("/", 2), new PathCount("/x", 1)),
                                1,
                                0)),
                Map.of("2026-11-01", new ArrivalDateStats(4, 3, 1, 0, 1)));
        Path file = directory.resolve("manifest.json");
        ManifestJson.write(manifest, file);
        assertThat(ManifestJson.read(file)).isEqualTo(manifest);
        String json = new String(ManifestJson.toJson(manifest), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"formatVersion\" : 1",
                        "\"eventDates\"",
                        "\"arrivalDates\"",
                        "\"statusCounts\"",
                        "\"topPaths\"");
    }

    @Test
    void anotherFormatVersionIsRefused() {
        assertThatThrownBy(() -> ManifestJson.fromJson(
                        "{\"formatVersion\":99,\"run\":null}".getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Cannot read manifest test");
    }

    @Test
    void topPathsOrderByCountThenPath() {
        List<PathCount> counts = List.of(new PathCount("/b", 5), new PathCount("/a", 5), new PathCount("/c", 9));
        assertThat(EventDateCounter.topPaths(counts))
                .extracting(PathCount::path)
                .containsExactly("/c", "/a", "/b");
    }
}
