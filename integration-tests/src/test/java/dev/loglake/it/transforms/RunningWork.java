package dev.loglake.it.transforms;

import dev.loglake.stack.ComponentStatus;
import dev.loglake.testing.TestStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** For fault tests: wait until a transform is in the middle of a statement, kill a component, collect the failure. */
public final class RunningWork {
    private RunningWork() {}

    /**
     * Polls Trino's own query list until a statement whose text contains {@code fragment} runs (a table's name,
     * or a schema's with a trailing dot), or fails if the run ends first: the fault must hit the work, not follow it.
     */
    public static void awaitStatement(TestStack stack, String fragment, CompletableFuture<?> run) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (Connection trino = stack.openTrino();
                Statement statement = trino.createStatement()) {
            while (System.nanoTime() < deadline && !run.isDone()) {
                try (ResultSet running = statement.executeQuery("SELECT count(*) FROM system.runtime.queries"
                        + " WHERE state = 'RUNNING' AND query LIKE '%" + fragment + "%'"
                        + " AND query NOT LIKE '%system.runtime%'")) {
                    running.next();
                    if (running.getLong(1) > 0) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("No running statement on " + fragment + " was seen; the run "
                + (run.isDone() ? "ended first" : "never got there"));
    }

    /** The process of a running component of the stack, by its name ({@code Trino}, {@code Hive Metastore}...). */
    public static ProcessHandle process(TestStack stack, String component) {
        ComponentStatus status = stack.stack().status().stream()
                .filter(candidate -> candidate.name().equals(component))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No component " + component + " in the stack"));
        return ProcessHandle.of(status.pid().orElseThrow()).orElseThrow();
    }

    /** Kills a component as the kernel's OOM killer would (SIGKILL), and waits until it is gone. */
    public static void kill(TestStack stack, String component) {
        ProcessHandle process = process(stack, component);
        process.destroyForcibly();
        process.onExit().join();
    }

    /** The run's failure, which must come within {@code limit} of the fault, not after a client's long retries. */
    public static Throwable failureWithin(CompletableFuture<?> run, Duration limit) throws InterruptedException {
        try {
            run.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("The transform succeeded although a component was killed during it");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("The transform did not fail within " + limit + " of the fault", e);
        }
    }
}
