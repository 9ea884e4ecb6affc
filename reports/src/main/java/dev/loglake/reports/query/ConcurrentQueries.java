package dev.loglake.reports.query;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.trino.TrinoSession;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Runs report queries at the same time, each on a Trino connection of its own. A report query over the daily
 * marts spends most of its time in Trino's fixed cost per statement (planning, metastore calls, scheduling), not
 * on the cores, so the report's eight queries at once take little longer than the slowest of them.
 */
public final class ConcurrentQueries implements AutoCloseable {
    private final TrinoConnections connections;
    private final LakeSchemas schemas;
    private final Optional<String> site;
    private final ExecutorService executor;

    /** @param site the site every query reads; empty for all sites */
    public ConcurrentQueries(
            TrinoConnections connections, LakeSchemas schemas, Optional<String> site, int parallelism) {
        this.connections = requireNonNull(connections, "connections is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.site = requireNonNull(site, "site is null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.executor = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "report-query");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a query; {@link Pending#get} waits for its result. */
    public <T> Pending<T> submit(Function<ReportQueries, T> query) {
        return new Pending<>(CompletableFuture.supplyAsync(
                () -> {
                    try (TrinoSession trino = new TrinoSession(connections)) {
                        return query.apply(new ReportQueries(trino, schemas, site));
                    }
                },
                executor));
    }

    /** A query that runs; its failure is thrown as it was, not wrapped. */
    public static final class Pending<T> {
        private final CompletableFuture<T> future;

        private Pending(CompletableFuture<T> future) {
            this.future = future;
        }

        public T get() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw LoglakeException.internal("A report query failed: " + e.getCause(), e.getCause());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
