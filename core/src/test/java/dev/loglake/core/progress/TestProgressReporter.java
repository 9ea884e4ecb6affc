package dev.loglake.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TestProgressReporter {
    @Test
    void showsCountRateMegabytesAndTimeLeft() {
        AtomicLong nanos = new AtomicLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressReporter progress = new ProgressReporter(
                "events", 1_000, new PrintStream(out, true, StandardCharsets.UTF_8), false, nanos::get);
        progress.addDone(250);
        progress.addBytes(3_000_000);
        nanos.set(10_000_000_000L);
        assertThat(progress.line()).isEqualTo("25.0% 250/1,000 events, 3.0 MB, 25 events/s, 30s left, 10s elapsed");
        progress.close();
        progress.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(progress.line() + "\n");
    }

    @Test
    void formatsLongDurations() {
        assertThat(ProgressReporter.formatDuration(59)).isEqualTo("59s");
        assertThat(ProgressReporter.formatDuration(61)).isEqualTo("1m01s");
        assertThat(ProgressReporter.formatDuration(3_723)).isEqualTo("1h02m");
    }
}
