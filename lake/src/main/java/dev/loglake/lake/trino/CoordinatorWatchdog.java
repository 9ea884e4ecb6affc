package dev.loglake.lake.trino;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the coordinator while a statement runs. trino-jdbc keeps a statement waiting for minutes when the
 * coordinator dies mid-query; this probe cancels the statement after a few failed health checks in a row, so
 * that the job fails promptly with a message saying why, and a rerun can start.
 */
final class CoordinatorWatchdog implements AutoCloseable {
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);
    private static final int FAILURES_BEFORE_CANCEL = 3;

    private final URI infoUri;
    private final Statement statement;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "trino-coordinator-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    CoordinatorWatchdog(URI coordinator, Statement statement) {
        this.infoUri = requireNonNull(coordinator, "coordinator is null").resolve("/v1/info");
        this.statement = requireNonNull(statement, "statement is null");
        scheduler.scheduleWithFixedDelay(
                this::probe, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether the coordinator is gone: the watchdog cancelled the statement, or the coordinator does not answer
     * now. The second case matters when the driver fails on its own (a refused connection) before the watchdog
     * has counted enough failed probes.
     */
    boolean coordinatorLost() {
        return cancelled.get() || !answers();
    }

    private void probe() {
        if (answers()) {
            consecutiveFailures.set(0);
            return;
        }
        if (consecutiveFailures.incrementAndGet() >= FAILURES_BEFORE_CANCEL && cancelled.compareAndSet(false, true)) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // the statement is failing anyway; the caller reports the lost coordinator
            }
        }
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(infoUri)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (javax.net.ssl.SSLException e) {
            // A TLS server answered: the coordinator is alive. Its certificate may be one the JVM does not trust
            // (the secure local stack's self-signed one, which only the JDBC driver is given); the driver itself
            // verifies it on every statement.
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
