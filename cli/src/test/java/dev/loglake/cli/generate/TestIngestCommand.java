package dev.loglake.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.ingest.IngestSummary;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TestIngestCommand {
    @Test
    void aRunThatReadNoLineSaysWhyInWords() {
        assertThat(IngestCommand.nothingToIngest(nothingRead(2, Set.of("/logs/a.log", "/logs/b.log.gz"), 0)))
                .isEqualTo("Nothing to ingest: 2 empty files (/logs/a.log, /logs/b.log.gz); no object was stored.");
        assertThat(IngestCommand.nothingToIngest(nothingRead(1, Set.of(), 5_000)))
                .isEqualTo("Nothing to ingest: 1 file with no new lines since the last ingest; no object was stored.");
        assertThat(IngestCommand.nothingToIngest(nothingRead(3, Set.of("/logs/a.log"), 5_000)))
                .isEqualTo("Nothing to ingest: 1 empty file (/logs/a.log) and 2 files with no new lines since the"
                        + " last ingest; no object was stored.");
        assertThat(IngestCommand.nothingToIngest(nothingRead(0, Set.of(), 0)))
                .isEqualTo("Nothing to ingest: no file in the folders given; no object was stored.");
    }

    private static IngestSummary nothingRead(int files, Set<String> emptyFiles, long bytesAlreadyIngested) {
        return new IngestSummary(
                files,
                0,
                0,
                0,
                0,
                0,
                0,
                new TreeSet<>(),
                new TreeSet<>(emptyFiles),
                bytesAlreadyIngested,
                0,
                Map.of(),
                0);
    }
}
