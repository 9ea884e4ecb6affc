package dev.loglake.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.reports.Period;
import dev.loglake.reports.ReportRequest;
import dev.loglake.reports.ReportRunner;
import dev.loglake.reports.model.ReportModel;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers during a reload (issue #13, item 3). A lake holds two complete days; loading the third raw day rewrites
 * them too (its late lines belong to them). While that transform runs, BI clients query the reports views and a
 * client builds `loglake report` of the second day, in loops. Every result must be the figures from before the
 * transform or those from after it, never a mix and never an error; the one failure allowed is the message that
 * names the day being reloaded. Afterwards the lake still equals the generator's manifest.
 */
@ExtendWith(LocalStackExtension.class)
class TestReportQueriesUnderLoad {
    private static final LocalDate START = LocalDate.of(2035, 3, 1);
    private static final LocalDate RELOADED = START.plusDays(1);
    private static final Clock AFTER_THE_DAYS =
            Clock.fixed(START.plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    private static final int VIEW_CLIENTS = 4;
    private static final String REPORT = "loglake report --date " + RELOADED + " --period day";

    @Test
    void everyReaderGetsTheOldOrTheNewFiguresOrIsToldTheDayIsBeingReloaded(TestStack stack, @TempDir Path out)
            throws Exception {
        TransformFixture lake = new TransformFixture(stack, "load");
        Manifest manifest = lake.generate(START, 3, 15_000, 0.01, 0.003);
        lake.transform(TransformRequest.days(new DayRange(START, RELOADED)));
        LocalDate newDay = START.plusDays(2);
        Map<String, Function<Statement, String>> readers = readers(lake, report(stack, lake, out));
        Map<String, String> before = snapshot(stack, readers);

        List<Observation> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        List<String> names = new ArrayList<>(readers.keySet());
        for (int client = 0; client <= VIEW_CLIENTS; client++) {
            // The last client builds the report; the others go round the views, each from its own start.
            List<String> mine = client == VIEW_CLIENTS
                    ? List.of(REPORT)
                    : names.stream().filter(name -> !name.equals(REPORT)).toList();
            int offset = client;
            clients.add(
                    CompletableFuture.runAsync(() -> readInALoop(stack, readers, rotate(mine, offset), stop, seen)));
        }
        TransformSummary work;
        try {
            work = lake.transform(TransformRequest.days(new DayRange(newDay, newDay)));
        } finally {
            stop.set(true);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
        }
        Map<String, String> after = snapshot(stack, readers);

        assertThat(work.eventDays())
                .as("the new raw day rewrote the complete days")
                .contains(RELOADED, newDay);
        assertThat(after.get("kpis of the reloaded day"))
                .as("the reload changed the day's figures (else old and new could not be told apart)")
                .isNotEqualTo(before.get("kpis of the reloaded day"));
        List<Observation> wrong = seen.stream()
                .filter(observation -> !observation.isOldOrNewOrTheReloadMessage(before, after))
                .toList();
        Map<String, Long> outcomes = seen.stream()
                .collect(Collectors.groupingBy(
                        observation -> observation.outcome(before, after), Collectors.counting()));
        System.out.println("Readers during the transform: " + outcomes);
        assertThat(wrong)
                .as("results that were neither the old nor the new figures, nor the reload message")
                .isEmpty();
        assertThat(outcomes)
                .as("the readers met the day while it was reloaded, and were told so")
                .containsKey("told the day is being reloaded");
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    /** Each reader: a name, and what it returns rendered as text (rows in a fixed order). */
    private static Map<String, Function<Statement, String>> readers(
            TransformFixture lake, Function<Statement, String> report) {
        String day = "DATE '" + RELOADED + "'";
        String reports = "hive." + lake.lake().schema("reports");
        Map<String, Function<Statement, String>> readers = new LinkedHashMap<>();
        readers.put("kpis of the reloaded day", sql("SELECT * FROM " + reports + ".daily_kpis WHERE dt = " + day));
        readers.put("kpis of every day", sql("SELECT * FROM " + reports + ".daily_kpis ORDER BY dt"));
        readers.put(
                "top paths",
                sql("SELECT path_rank, path, requests, share_of_requests FROM " + reports + ".top_paths WHERE dt = "
                        + day + " ORDER BY path_rank, path"));
        readers.put(
                "top referrers",
                sql("SELECT referrer_rank, referrer_host, requests FROM " + reports + ".top_referrers WHERE dt = " + day
                        + " ORDER BY referrer_rank, referrer_host"));
        readers.put(
                "traffic by hour",
                sql("SELECT hour, requests, page_views, server_error_requests, p95_ms FROM " + reports
                        + ".traffic_by_hour WHERE dt = " + day + " ORDER BY hour"));
        readers.put(
                "audience mix",
                sql("SELECT dimension, value, requests, visitors FROM " + reports + ".audience_mix WHERE dt = " + day
                        + " ORDER BY dimension, value"));
        readers.put(REPORT, report);
        return readers;
    }

    /** The report's figures (everything but when it was made), as `loglake report` reads them. */
    private static Function<Statement, String> report(TestStack stack, TransformFixture lake, Path out) {
        ReportRunner runner = new ReportRunner(
                new TrinoConnections(stack.trinoConfig()),
                stack.newS3Client(),
                LakeSchemas.of("hive", lake.lake()),
                AFTER_THE_DAYS);
        ReportRequest request = new ReportRequest(RELOADED, Period.DAY, out);
        return unused -> {
            ReportModel model = runner.model(request);
            return String.join(
                    "\n",
                    model.kpis().toString(),
                    model.traffic().toString(),
                    model.topPages().toString(),
                    model.topReferrers().toString(),
                    model.audienceMix().toString(),
                    model.statusCounts().toString());
        };
    }

    private static Function<Statement, String> sql(String query) {
        return statement -> {
            try (ResultSet rows = statement.executeQuery(query)) {
                StringBuilder text = new StringBuilder();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        text.append(rows.getString(column)).append(column == columns ? "\n" : "|");
                    }
                }
                return text.toString();
            } catch (SQLException e) {
                throw new ReaderFailed(e.getMessage(), e);
            }
        };
    }

    private static Map<String, String> snapshot(TestStack stack, Map<String, Function<Statement, String>> readers)
            throws SQLException {
        Map<String, String> results = new LinkedHashMap<>();
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement()) {
            readers.forEach((name, reader) -> results.put(name, reader.apply(statement)));
        }
        return results;
    }

    private static void readInALoop(
            TestStack stack,
            Map<String, Function<Statement, String>> readers,
            List<String> names,
            AtomicBoolean stop,
            List<Observation> seen) {
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement()) {
            for (int i = 0; !stop.get(); i++) {
                String name = names.get(i % names.size());
                try {
                    seen.add(new Observation(name, Optional.of(readers.get(name).apply(statement)), ""));
                } catch (ReaderFailed | LoglakeException e) {
                    seen.add(new Observation(name, Optional.empty(), String.valueOf(e.getMessage())));
                }
            }
        } catch (SQLException e) {
            seen.add(new Observation("connection", Optional.empty(), e.getMessage()));
        }
    }

    private static List<String> rotate(List<String> names, int by) {
        List<String> rotated = new ArrayList<>(names);
        Collections.rotate(rotated, by);
        return rotated;
    }

    /** What one reader got: a result, or a failure's message. */
    private record Observation(String reader, Optional<String> result, String failure) {
        boolean isOldOrNewOrTheReloadMessage(Map<String, String> before, Map<String, String> after) {
            return !outcome(before, after).startsWith("wrong");
        }

        String outcome(Map<String, String> before, Map<String, String> after) {
            if (result.isPresent()) {
                if (result.get().equals(before.get(reader))) {
                    return "old figures";
                }
                return result.get().equals(after.get(reader)) ? "new figures" : "wrong: a mix, " + reader;
            }
            // The views name the day (served_days.sql); the report names it, or the day that changed under it.
            boolean told = failure.contains("is being rewritten by transform run")
                    || failure.contains("is being reloaded by transform run")
                    || failure.contains("while the report read its figures");
            return told ? "told the day is being reloaded" : "wrong: " + reader + " failed: " + failure;
        }
    }

    /** A JDBC failure of a reader, unchecked so that readers are functions. */
    private static final class ReaderFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReaderFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
