package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.config.TransformConfig;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.lake.DayRange;
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
 * A rerun leaves every table exactly as a first load of the same input would, also where the rerun writes
 * nothing: INSERT with partition overwrite replaces only the partitions its SELECT returns, so a day whose
 * quarantine became empty (the lateness window raised) kept its old rows, and an event day that lost its late
 * lines (the window lowered) kept them in the facts.
 */
@ExtendWith(LocalStackExtension.class)
class TestRerunReplacesEveryPartition {
    private static final LocalDate START = LocalDate.of(2037, 3, 1);
    private static final DayRange BOTH_DAYS = new DayRange(START, START.plusDays(1));
    private static final List<String> TABLES =
            List.of("staging.parsed_lines", "staging.quarantine", "marts.fact_requests", "marts.daily_traffic");

    @Test
    void aRerunWithAnotherLatenessWindowLeavesNoStaleRows(TestStack stack) throws SQLException {
        // No malformed lines: with the window at 2 days, the quarantine holds nothing at all.
        Manifest manifest = lakeWithLateness(stack, 2).generate(START, 2, 4_000, 0.02, 0);
        assertThat(manifest.eventDates().get(START.toString()).lateEvents())
                .as("late events of the first day, arriving on the second")
                .isPositive();

        TransformFixture strict = lakeWithLateness(stack, 0);
        strict.transform(TransformRequest.days(BOTH_DAYS));
        assertThat(strict.single("SELECT count(*) FROM " + strict.table("staging", "quarantine")))
                .as("late events quarantined with a window of 0 days")
                .isEqualTo(manifest.eventDates().get(START.toString()).lateEvents());
        Map<String, String> strictLoad = checksums(strict);

        TransformFixture lenient = lakeWithLateness(stack, 2);
        lenient.transform(TransformRequest.days(BOTH_DAYS));
        ManifestChecks.assertLakeMatches(lenient, manifest);

        // Back to a window of 0 for the second day only: the first event day loses its late lines again.
        strict.transform(TransformRequest.days(new DayRange(START.plusDays(1), START.plusDays(1))));
        assertThat(checksums(strict))
                .as("tables after the reruns, against a first load")
                .isEqualTo(strictLoad);
    }

    private static TransformFixture lakeWithLateness(TestStack stack, int days) {
        return new TransformFixture(stack, "rerun", Map.of(TransformConfig.LATENESS_DAYS, Integer.toString(days)));
    }

    private static Map<String, String> checksums(TransformFixture lake) throws SQLException {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : TABLES) {
            String[] parts = table.split("\\.");
            checksums.put(table, lake.checksum(lake.table(parts[0], parts[1]), lake.exactColumns(parts[0], parts[1])));
        }
        return checksums;
    }
}
