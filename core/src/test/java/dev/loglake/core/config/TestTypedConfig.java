package dev.loglake.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTypedConfig {
    @Test
    void s3ConfigParsesEndpointAndKeys() {
        S3Config config = S3Config.from(settings(Map.of(
                S3Config.ENDPOINT, "http://127.0.0.1:9000",
                S3Config.ACCESS_KEY, "a",
                S3Config.SECRET_KEY, "b",
                S3Config.PATH_STYLE_ACCESS, "true")));

        assertThat(config.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(config.accessKey()).contains("a");
        assertThat(config.pathStyleAccess()).isTrue();
    }

    @Test
    void aBadEndpointNamesTheKeyTheValueAndTheExpectedForm() {
        assertThatThrownBy(() -> S3Config.from(settings(Map.of(S3Config.ENDPOINT, "127.0.0.1:9000"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("s3.endpoint")
                .hasMessageContaining("'127.0.0.1:9000'")
                .hasMessageContaining("Expected an http:// or https:// URL");
    }

    @Test
    void anAccessKeyWithoutSecretIsRejected() {
        assertThatThrownBy(() -> S3Config.from(settings(Map.of(S3Config.ACCESS_KEY, "a"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("must be set together");
    }

    @Test
    void aBadBooleanNamesItsSource() {
        assertThatThrownBy(() -> S3Config.from(settings(Map.of(S3Config.PATH_STYLE_ACCESS, "yes"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("s3.path-style-access: 'yes' (flag)")
                .hasMessageContaining("Expected true or false");
    }

    @Test
    void transformLimitsAreCheckedBeforeAnythingRuns() {
        assertThat(TransformConfig.from(settings(Map.of())).maxRowsPerWrite()).isEqualTo(1_000_000);
        assertThatThrownBy(() -> TransformConfig.from(settings(Map.of(TransformConfig.MAX_ROWS_PER_WRITE, "0"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("transform.max-rows-per-write: 0")
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> TransformConfig.from(settings(Map.of(TransformConfig.BATCH_DAYS, "4294967326"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("transform.batch-days: 4294967326")
                .hasMessageContaining("below 2^31");
        assertThat(TransformConfig.from(settings(Map.of())).readerDrain()).hasSeconds(60);
        assertThatThrownBy(() -> TransformConfig.from(settings(Map.of(TransformConfig.READER_DRAIN_SECONDS, "-1"))))
                .hasMessageContaining("transform.reader-drain-seconds: -1")
                .hasMessageContaining("from 0 to 3600");
    }

    @Test
    void bucketNamesFollowS3Rules() {
        assertThatThrownBy(() -> LakeConfig.from(settings(Map.of(LakeConfig.RAW_BUCKET, "Raw_Logs"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("lake.raw-bucket: 'Raw_Logs'");
    }

    @Test
    void trinoCatalogMustBeAnIdentifier() {
        assertThatThrownBy(() -> TrinoConfig.from(settings(Map.of(TrinoConfig.CATALOG, "hive; DROP TABLE x"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("trino.catalog");
    }

    @Test
    void trinoUrlMustBeATrinoJdbcUrl() {
        assertThatThrownBy(() -> TrinoConfig.from(settings(Map.of(TrinoConfig.URL, "http://localhost:8080"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("jdbc:trino://");
    }

    @Test
    void stackPortsMustBeValidAndDistinct() {
        assertThatThrownBy(() -> StackConfig.from(settings(Map.of(StackConfig.TRINO_PORT, "70000"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("stack.trino-port: '70000'");
        assertThatThrownBy(() -> StackConfig.from(settings(Map.of(StackConfig.S3_PORT, "15432"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("must all differ");
    }

    @Test
    void theRehearsalIsOffByDefaultAndTakesWorkersAndSecure() {
        StackConfig defaults = StackConfig.from(settings(Map.of()));
        assertThat(defaults.trinoWorkers()).isZero();
        assertThat(defaults.secure()).isFalse();

        StackConfig rehearsal =
                StackConfig.from(settings(Map.of(StackConfig.TRINO_WORKERS, "2", StackConfig.SECURE, "true")));
        assertThat(rehearsal.trinoWorkers()).isEqualTo(2);
        assertThat(rehearsal.secure()).isTrue();
        assertThat(rehearsal.trinoInternalPort()).isEqualTo(18081);
        assertThat(rehearsal.trinoWorkerPort(1)).isEqualTo(18082);
        assertThat(rehearsal.trinoWorkerPort(2)).isEqualTo(18083);
    }

    @Test
    void badWorkerCountsStopBeforeAnythingStarts() {
        assertThatThrownBy(() -> StackConfig.from(settings(Map.of(StackConfig.TRINO_WORKERS, "two"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("stack.trino-workers: 'two' (flag)")
                .hasMessageContaining("from 0 to 4");
        assertThatThrownBy(() -> StackConfig.from(settings(Map.of(StackConfig.TRINO_WORKERS, "5"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("stack.trino-workers: 5");
        assertThatThrownBy(() -> StackConfig.from(settings(Map.of(StackConfig.TRINO_WORKERS, "-1"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("stack.trino-workers: -1");
        assertThatThrownBy(() -> StackConfig.from(settings(Map.of(StackConfig.SECURE, "yes"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("stack.secure: 'yes'");
    }

    @Test
    void workerPortsMustNotBeAnotherComponentsPort() {
        assertThatThrownBy(() -> StackConfig.from(settings(Map.of(
                        StackConfig.TRINO_PORT,
                        "19080",
                        StackConfig.TRINO_WORKERS,
                        "3",
                        StackConfig.METASTORE_PORT,
                        "19083"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("19083 belongs to another component");
    }

    @Test
    void stackPathsExpandTheHomeDirectory() {
        StackConfig config = StackConfig.from(settings(Map.of()));

        assertThat(config.dataDirectory().toString())
                .isEqualTo(System.getProperty("user.home") + "/.local/share/loglake/stack");
        assertThat(config.ports()).isEqualTo(new StackConfig.Ports(15432, 19083, 19000, 18080));
    }

    @Test
    void leaseDefaultsAndExplicitValues() {
        LeaseConfig defaults = LeaseConfig.from(settings(Map.of()));
        assertThat(defaults.maxWait()).isEqualTo(java.time.Duration.ofSeconds(300));
        assertThat(defaults.expiry()).isEqualTo(java.time.Duration.ofSeconds(60));

        LeaseConfig explicit =
                LeaseConfig.from(settings(Map.of(LeaseConfig.WAIT_SECONDS, "0", LeaseConfig.EXPIRY_SECONDS, "3600")));
        assertThat(explicit.maxWait()).isZero();
        assertThat(explicit.expiry()).isEqualTo(java.time.Duration.ofHours(1));
    }

    @Test
    void leaseValuesOutsideTheirRangeNameTheKeyAndTheRange() {
        assertThatThrownBy(() -> LeaseConfig.from(settings(Map.of(LeaseConfig.WAIT_SECONDS, "-1"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("lease.wait-seconds: -1")
                .hasMessageContaining("Expected 0 to 86400 seconds");
        assertThatThrownBy(() -> LeaseConfig.from(settings(Map.of(LeaseConfig.EXPIRY_SECONDS, "2"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("lease.expiry-seconds: 2")
                .hasMessageContaining("Expected 3 to 3600 seconds");
        assertThatThrownBy(() -> LeaseConfig.from(settings(Map.of(LeaseConfig.WAIT_SECONDS, "5m"))))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("lease.wait-seconds: '5m' (flag)")
                .hasMessageContaining("Expected a whole number of seconds");
    }

    @Test
    void thePartSizeIsEightMibByDefaultAndTakesS3sRange() {
        assertThat(GenerateConfig.from(settings(Map.of())).partSizeBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(GenerateConfig.from(settings(Map.of(GenerateConfig.PART_SIZE_MIB, " 5 ")))
                        .partSizeBytes())
                .isEqualTo(5 * 1024 * 1024);
        assertThat(GenerateConfig.from(settings(Map.of(GenerateConfig.PART_SIZE_MIB, "2047")))
                        .partSizeBytes())
                .isEqualTo(2047 * 1024 * 1024);
    }

    @Test
    void aPartSizeOutsideItsRangeNamesTheKeyTheValueAndTheRange() {
        // 4 MiB: S3 refuses parts below 5 MiB (but the last), so the upload would fail at its first complete.
        for (String value : new String[] {"4", "0", "-8", "2048", "5120", "4294967301"}) {
            assertThatThrownBy(() -> GenerateConfig.from(settings(Map.of(GenerateConfig.PART_SIZE_MIB, value))))
                    .as(value)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("generate.part-size-mib: " + value + ".")
                    .hasMessageContaining("Expected a part size in MiB from 5 (S3's minimum part) to 2047");
        }
        assertThatThrownBy(() -> GenerateConfig.from(settings(Map.of(GenerateConfig.PART_SIZE_MIB, "2"))))
                .hasMessage("Invalid value for generate.part-size-mib: 2. Expected a part size in MiB from 5 (S3's"
                        + " minimum part) to 2047 (the largest part one upload buffer holds).");
    }

    @Test
    void aPartSizeThatIsNotAWholeNumberNamesItsSource() {
        for (String value : new String[] {"8MiB", "5.5", ""}) {
            assertThatThrownBy(() -> GenerateConfig.from(settings(Map.of(GenerateConfig.PART_SIZE_MIB, value))))
                    .as(value)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("generate.part-size-mib: '" + value + "' (flag)")
                    .hasMessageContaining("Expected a whole number of MiB");
        }
    }

    @Test
    void thePartSizeIsADocumentedKey() {
        assertThat(ConfigRegistry.find(GenerateConfig.PART_SIZE_MIB).orElseThrow())
                .satisfies(property -> {
                    assertThat(property.defaultValue()).isEqualTo("8");
                    assertThat(property.environmentVariable()).isEqualTo("LOGLAKE_GENERATE_PART_SIZE_MIB");
                });
    }

    @Test
    void generatesEventsPerDayIsAMillionByDefaultAndTakesTheGeneratorsRange() {
        assertThat(GenerateVolumeConfig.from(settings(Map.of())).eventsPerDay()).isEqualTo(1_000_000);
        assertThat(GenerateVolumeConfig.from(settings(Map.of(GenerateVolumeConfig.EVENTS_PER_DAY, " 2000 ")))
                        .eventsPerDay())
                .isEqualTo(2_000);
        assertThat(GenerateVolumeConfig.from(settings(Map.of(GenerateVolumeConfig.EVENTS_PER_DAY, "0")))
                        .eventsPerDay())
                .isZero();
    }

    @Test
    void anEventsPerDayOutsideItsRangeOrNotANumberNamesTheKeyAndTheValue() {
        for (String value : new String[] {"-1", "10000000001"}) {
            assertThatThrownBy(() ->
                            GenerateVolumeConfig.from(settings(Map.of(GenerateVolumeConfig.EVENTS_PER_DAY, value))))
                    .as(value)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessage("Invalid value for generate.events-per-day: " + value
                            + ". Expected 0 to 10000000000 events per day.");
        }
        for (String value : new String[] {"1e6", "1,000", ""}) {
            assertThatThrownBy(() ->
                            GenerateVolumeConfig.from(settings(Map.of(GenerateVolumeConfig.EVENTS_PER_DAY, value))))
                    .as(value)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageContaining("generate.events-per-day: '" + value + "' (flag)")
                    .hasMessageContaining("Expected a whole number of events per day");
        }
    }

    private static Settings settings(Map<String, String> values) {
        return Settings.defaults().with(values, "flag");
    }
}
