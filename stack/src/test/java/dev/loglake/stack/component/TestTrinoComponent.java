package dev.loglake.stack.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTrinoComponent {
    @TempDir
    Path directory;

    @Test
    void spillingStartsAtHalfAQuerysMemoryWhateverTheQueryMemory() {
        // The pool is the query memory plus 64 MB: 192 MB for the tests' 128 MB, 1088 MB for the default 1 GB.
        assertThat(trino("2G", "128MB").revokingThreshold()).isEqualTo("0.333");
        assertThat(trino("2G", "128MB").revokingTarget()).isEqualTo("0.167");
        assertThat(trino("3G", "1GB").revokingThreshold()).isEqualTo("0.471");
        assertThat(trino("3G", "1GB").revokingTarget()).isEqualTo("0.235");
    }

    @Test
    void aQueryMayUseEachWorkersQueryMemoryAcrossTheCluster() {
        assertThat(trino("2G", "256MB").clusterQueryMemory()).isEqualTo("256MB");
        assertThat(trino("2G", "256MB", 2).clusterQueryMemory()).isEqualTo("512MB");
        assertThat(trino("3G", "1GB", 3).clusterQueryMemory()).isEqualTo("3072MB");
    }

    /** The settings every Trino process of the stack shares, coordinator or worker (see TrinoNode). */
    private TrinoNode trino(String heap, String queryMemory) {
        return trino(heap, queryMemory, 0);
    }

    private TrinoNode trino(String heap, String queryMemory, int workers) {
        return TrinoNode.of(
                directory.resolve("trino"),
                directory.resolve("plugins"),
                directory.resolve("java"),
                heap,
                queryMemory,
                workers,
                "thrift://127.0.0.1:9083",
                URI.create("http://127.0.0.1:9000"),
                directory.resolve("exchange"),
                "access",
                "secret");
    }
}
