package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.time.Duration;
import java.util.List;

/**
 * How {@code loglake schedule} runs the pipeline.
 *
 * @param cron when each run starts (5-field cron, UTC)
 * @param stopTimeout how long a stop signal waits for the running step to finish before the process exits
 *     anyway; below Kubernetes' default grace period of 30 s, so that the pod logs its own stop
 */
public record ScheduleConfig(CronSchedule cron, Duration stopTimeout) {
    public static final String CRON = "schedule.cron";
    public static final String STOP_TIMEOUT_SECONDS = "schedule.stop-timeout-seconds";

    static final List<ConfigProperty> PROPERTIES = List.of(
            ConfigProperty.of(
                    CRON,
                    "0 1 * * *",
                    "When 'loglake schedule' runs the pipeline: a 5-field cron expression in UTC (default: daily at"
                            + " 01:00)."),
            ConfigProperty.of(
                    STOP_TIMEOUT_SECONDS,
                    "25",
                    "Seconds a stop signal (SIGTERM, Ctrl-C) waits for the running step of 'loglake schedule' to"
                            + " finish."));

    public ScheduleConfig {
        requireNonNull(cron, "cron is null");
        requireNonNull(stopTimeout, "stopTimeout is null");
        if (stopTimeout.isNegative() || stopTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected 0 to 3600 seconds.",
                    STOP_TIMEOUT_SECONDS, stopTimeout.toSeconds());
        }
    }

    public static ScheduleConfig from(Settings settings) {
        CronSchedule cron = CronSchedule.parse(settings.get(CRON), CRON + " (" + settings.source(CRON) + ")");
        String timeout = settings.get(STOP_TIMEOUT_SECONDS).trim();
        try {
            return new ScheduleConfig(cron, Duration.ofSeconds(Long.parseLong(timeout)));
        } catch (NumberFormatException e) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s' (%s). Expected a whole number of seconds.",
                    STOP_TIMEOUT_SECONDS, timeout, settings.source(STOP_TIMEOUT_SECONDS));
        }
    }
}
