package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.trino.TrinoConnections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Concurrent JDBC clients that run report queries in a loop, each on its own connection, while some work (a
 * transform) runs: every query's latency and every failure is recorded. The clients start before the work and
 * stop right after it, so that every measured query ran under that load.
 */
public final class ReportLoad {
    private final TrinoConnections trino;
    private final String completeDaysQuery;
    private final Function<List<LocalDate>, List<String>> queries;
    private final int clients;

    /**
     * @param completeDaysQuery returns the complete days (as text, YYYY-MM-DD); run before every report query
     * @param queries the report queries for a set of complete days (see {@link ReportQueries#forWeek})
     */
    public ReportLoad(
            TrinoConnections trino,
            String completeDaysQuery,
            Function<List<LocalDate>, List<String>> queries,
            int clients) {
        this.trino = requireNonNull(trino, "trino is null");
        this.completeDaysQuery = requireNonNull(completeDaysQuery, "completeDaysQuery is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.clients = clients;
    }

    /** The queries' latencies and failures, and the work's result. */
    public record Result<T>(T work, List<Double> latenciesMillis, List<String> failures, double workSeconds) {
        public Result {
            latenciesMillis = List.copyOf(latenciesMillis);
            failures = List.copyOf(failures);
        }

        public double percentile(double fraction) {
            List<Double> sorted = new ArrayList<>(latenciesMillis);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(fraction * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /** Runs {@code work} while the clients query; returns once the work and every client have finished. */
    public <T> Result<T> during(Supplier<T> work) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(clients);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int offset = client;
            Thread thread =
                    new Thread(() -> loop(offset, stop, started, latencies, failures), "report-client-" + (client + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        // Every client has connected and run a first query before the work starts.
        started.await();
        long begin = System.nanoTime();
        T result;
        try {
            result = work.get();
        } finally {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result<>(result, latencies, failures, seconds);
    }

    /** The lookup of complete days is part of each report query's latency, as it is part of a report. */
    private List<LocalDate> completeDays(Statement statement) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(completeDaysQuery)) {
            while (rows.next()) {
                days.add(LocalDate.parse(rows.getString(1)));
            }
        }
        return days;
    }

    private void loop(
            int offset, AtomicBoolean stop, CountDownLatch started, List<Double> latencies, List<String> failures) {
        boolean counted = false;
        try (Connection connection = trino.open();
                Statement statement = connection.createStatement()) {
            for (int i = offset; !stop.get(); i++) {
                long begin = System.nanoTime();
                String sql = completeDaysQuery;
                try {
                    List<String> bound = queries.apply(completeDays(statement));
                    sql = bound.get(i % bound.size());
                    try (ResultSet rows = statement.executeQuery(sql)) {
                        while (rows.next()) {
                            // read every row, as a report does
                        }
                    }
                    if (counted) {
                        latencies.add((System.nanoTime() - begin) / 1e6);
                    }
                } catch (SQLException e) {
                    failures.add(e.getMessage() + " [" + sql + "]");
                }
                if (!counted) {
                    counted = true;
                    started.countDown();
                }
            }
        } catch (SQLException | RuntimeException e) {
            failures.add("client " + (offset + 1) + " failed: " + e.getMessage());
        } finally {
            if (!counted) {
                started.countDown();
            }
        }
    }
}
