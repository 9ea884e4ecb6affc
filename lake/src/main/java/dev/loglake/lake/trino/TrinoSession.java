package dev.loglake.lake.trino;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.lake.sql.ResultRows;
import io.trino.jdbc.QueryStats;
import io.trino.jdbc.TrinoConnection;
import io.trino.jdbc.TrinoStatement;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Trino connection that runs loglake's statements: every result is read to the end (an unread result
 * makes Trino cancel the query), progress is reported while a statement runs, and a failure names the SQL
 * file, the statement, the partitions and the Trino query id.
 */
public final class TrinoSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrinoSession.class);
    /** How long a statement that found no node to run on is sent again (see {@link #execute}). */
    static final Duration NO_NODES_WAIT = Duration.ofSeconds(30);

    private static final Duration NO_NODES_RETRY = Duration.ofMillis(500);
    private static final String NO_NODES = "No nodes available to run query";

    private final Connection connection;
    private final URI coordinator;

    public TrinoSession(TrinoConnections connections) {
        this(connections, Map.of());
    }

    /**
     * A session whose statements all run with these session properties (such as {@code
     * hive.insert_existing_partitions_behavior}). They travel with each statement from the client, so setting them
     * costs no statement, unlike SET SESSION and RESET SESSION around every job.
     */
    public TrinoSession(TrinoConnections connections, Map<String, String> sessionProperties) {
        this.connection = requireNonNull(connections, "connections is null").open();
        try {
            TrinoConnection trino = connection.unwrap(TrinoConnection.class);
            sessionProperties.forEach(trino::setSessionProperty);
        } catch (SQLException e) {
            throw LoglakeException.internal("The Trino JDBC driver did not give a Trino connection", e);
        }
        this.coordinator = coordinatorUri(connections.config().jdbcUrl());
    }

    /**
     * The coordinator's HTTP address for the watchdog's health probe, from the JDBC URL: {@code
     * jdbc:trino://host:port/...?SSL=true} -> {@code https://host:port}. The scheme follows the driver's {@code SSL}
     * parameter because a TLS endpoint (the AWS load balancer on 443) does not answer plain HTTP, and a probe that
     * always fails would cancel every long statement as "coordinator stopped answering". Without a port the driver
     * uses 443 with SSL and 80 without, and so does this.
     */
    static URI coordinatorUri(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:trino://")) {
            throw LoglakeException.user("Invalid Trino JDBC URL '%s': expected jdbc:trino://host:port/...", jdbcUrl);
        }
        URI jdbc = URI.create(jdbcUrl.substring("jdbc:".length()));
        boolean ssl = sslEnabled(jdbc.getRawQuery());
        int port = jdbc.getPort() >= 0 ? jdbc.getPort() : ssl ? 443 : 80;
        return URI.create((ssl ? "https://" : "http://") + jdbc.getHost() + ":" + port);
    }

    /** Whether the URL's query has {@code SSL=true}; the driver compares the value ignoring case. */
    private static boolean sslEnabled(String query) {
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0
                    && parameter.substring(0, equals).equals("SSL")
                    && parameter.substring(equals + 1).equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }

    /** A statement to run, and what to name in messages if it fails. */
    public record Job(String file, String partitions, String sql) {
        public Job {
            requireNonNull(file, "file is null");
            requireNonNull(partitions, "partitions is null");
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * Runs the job. A statement Trino refuses with "No nodes available to run query" ran nowhere (Trino gives that
     * answer when it schedules the first stage, before any task exists), so it is sent again, for up to
     * {@link #NO_NODES_WAIT}: a coordinator that has just started, or a cluster whose workers are restarting,
     * announces its nodes a few seconds after it answers queries.
     */
    public StatementResult execute(Job job, Consumer<QueryStats> progress) {
        long deadline = System.nanoTime() + NO_NODES_WAIT.toNanos();
        while (true) {
            try {
                return executeOnce(job, progress);
            } catch (NoNodesYet e) {
                if (System.nanoTime() > deadline) {
                    throw e.failure;
                }
                pause(NO_NODES_RETRY);
            }
        }
    }

    /** A statement that Trino could not schedule because no node was available; it did not run. */
    private static final class NoNodesYet extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient LoglakeException failure;

        NoNodesYet(LoglakeException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoglakeException.external("Interrupted while waiting for Trino's nodes", e);
        }
    }

    private StatementResult executeOnce(Job job, Consumer<QueryStats> progress) {
        long started = System.nanoTime();
        AtomicReference<String> queryId = new AtomicReference<>("(not started)");
        CoordinatorWatchdog watchdog = null;
        try (Statement statement = connection.createStatement()) {
            watchdog = new CoordinatorWatchdog(coordinator, statement);
            TrinoStatement trinoStatement = statement.unwrap(TrinoStatement.class);
            trinoStatement.setProgressMonitor(stats -> {
                queryId.set(stats.getQueryId());
                progress.accept(stats);
            });
            boolean hasResultSet = statement.execute(job.sql());
            List<List<Object>> rows = List.of();
            long count;
            if (hasResultSet) {
                try (ResultSet result = statement.getResultSet()) {
                    rows = ResultRows.of(result);
                }
                count = rows.size();
            } else {
                count = Math.max(0, statement.getLargeUpdateCount());
            }
            // At debug level, every statement and its time: where a slow run spends it, statement by statement.
            // Guarded: abbreviating rewrites the whole statement's text, for nothing when debug is off.
            if (log.isDebugEnabled()) {
                log.debug(
                        "{} [{}]: {} ms, query {}: {}",
                        job.file(),
                        job.partitions(),
                        (System.nanoTime() - started) / 1_000_000,
                        queryId.get(),
                        abbreviate(job.sql(), 120));
            }
            return new StatementResult(queryId.get(), count, rows);
        } catch (SQLException e) {
            String why = watchdog != null && watchdog.coordinatorLost()
                    ? "the Trino coordinator at " + coordinator + " stopped answering, so the statement was cancelled."
                            + " Rerun once Trino is back (for the local stack: './loglake stack up')"
                    : e.getMessage();
            LoglakeException failure = LoglakeException.external(
                    String.format(
                            "%s failed for %s (Trino query %s): %s%nStatement: %s",
                            job.file(), job.partitions(), queryId.get(), why, abbreviate(job.sql(), 300)),
                    e);
            if (String.valueOf(e.getMessage()).contains(NO_NODES)) {
                throw new NoNodesYet(failure);
            }
            throw failure;
        } finally {
            if (watchdog != null) {
                watchdog.close();
            }
        }
    }

    /** A column of a query's result: its name and its Trino type, such as {@code timestamp(3)}. */
    public record Column(String name, String type) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    /** The columns a query returns, from Trino's DESCRIBE OUTPUT: the query is planned, not run. */
    public List<Column> columns(String file, String sql) {
        try (var statement = connection.prepareStatement(sql)) {
            var metadata = statement.getMetaData();
            List<Column> columns = new ArrayList<>();
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                columns.add(new Column(metadata.getColumnLabel(column), metadata.getColumnTypeName(column)));
            }
            return columns;
        } catch (SQLException e) {
            throw LoglakeException.external(
                    String.format(
                            "%s: cannot describe the query's columns: %s%nStatement: %s",
                            file, e.getMessage(), abbreviate(sql, 300)),
                    e);
        }
    }

    public StatementResult query(String file, String sql) {
        return execute(new Job(file, "-", sql), stats -> {});
    }

    private static String abbreviate(String sql, int length) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= length ? oneLine : oneLine.substring(0, length) + " ...";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do on a connection we are done with
        }
    }
}
