package dev.loglake.core.progress;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A progress line for long commands: units done of a total (events, lines), megabytes moved, the rate and
 * the time left. Workers only add to counters; a daemon thread prints. On a terminal the line is redrawn in
 * place a few times a second; otherwise (CI logs, pipes) a plain line is printed every few seconds.
 */
public final class ProgressReporter implements AutoCloseable {
    private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(250);
    private static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

    private final String unit;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final LongAdder done = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private ScheduledExecutorService printer;
    private boolean closed;

    /**
     * @param unit what is counted, plural ("events")
     * @param total how many units the command will process, 0 when unknown
     * @param terminal whether {@code out} is a terminal (redraw in place) or a log (plain lines)
     */
    public ProgressReporter(String unit, long total, PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.unit = requireNonNull(unit, "unit is null");
        this.total = total;
        this.out = requireNonNull(out, "out is null");
        this.terminal = terminal;
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
        this.startNanos = nanoClock.getAsLong();
    }

    /** A reporter on stderr that redraws when there is a console. */
    public static ProgressReporter toStderr(String unit, long total) {
        return new ProgressReporter(unit, total, System.err, System.console() != null, System::nanoTime);
    }

    /** Starts printing in the background; without it, only {@link #close()} prints. */
    public ProgressReporter start() {
        Duration interval = terminal ? TERMINAL_INTERVAL : PLAIN_INTERVAL;
        printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        printer.scheduleAtFixedRate(this::print, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public void addDone(long units) {
        done.add(units);
    }

    public void addBytes(long count) {
        bytes.add(count);
    }

    public long done() {
        return done.sum();
    }

    /** The progress line as it would be printed now. */
    public String line() {
        long units = done.sum();
        double seconds = Math.max(1e-9, (nanoClock.getAsLong() - startNanos) / 1e9);
        double rate = units / seconds;
        StringBuilder line = new StringBuilder();
        if (total > 0) {
            line.append(String.format(
                    Locale.ROOT, "%.1f%% %,d/%,d %s", 100.0 * Math.min(units, total) / total, units, total, unit));
        } else {
            line.append(String.format(Locale.ROOT, "%,d %s", units, unit));
        }
        line.append(String.format(Locale.ROOT, ", %,.1f MB, %,.0f %s/s", bytes.sum() / 1e6, rate, unit));
        if (total > 0 && units > 0 && units < total) {
            line.append(", ")
                    .append(formatDuration((long) ((total - units) / rate)))
                    .append(" left");
        }
        line.append(", ").append(formatDuration((long) seconds)).append(" elapsed");
        return line.toString();
    }

    @Override
    public void close() {
        if (printer != null) {
            printer.shutdownNow();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            out.print(terminal ? "\r" + line() + "\033[K\n" : line() + "\n");
            out.flush();
        }
    }

    private synchronized void print() {
        if (closed) {
            return;
        }
        if (terminal) {
            out.print("\r" + line() + "\033[K");
        } else {
            out.println(line());
        }
        out.flush();
    }

    static String formatDuration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
