package dev.loglake.core.config;

import static java.util.Objects.requireNonNull;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.loglake.core.LoglakeException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A standard 5-field cron expression (minute, hour, day of month, month, day of week), parsed and evaluated
 * by cron-utils with its UNIX definition, in UTC: the lake's days are UTC days, so "0 1 * * *" means one
 * hour after a UTC day ended, wherever the process runs.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, Cron cron) {
        this.expression = expression;
        this.executionTime = ExecutionTime.forCron(cron);
    }

    /**
     * Parses {@code expression}; a bad one fails with a message naming {@code what} (the key or flag and where
     * its value came from), the expression and the expected form.
     */
    public static CronSchedule parse(String expression, String what) {
        requireNonNull(expression, "expression is null");
        String trimmed = expression.trim();
        try {
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("it is empty");
            }
            return new CronSchedule(trimmed, PARSER.parse(trimmed).validate());
        } catch (IllegalArgumentException e) {
            throw LoglakeException.user(
                    "Invalid cron expression '%s' for %s: %s. Expected 5 fields separated by spaces: minute (0-59),"
                            + " hour (0-23), day of month (1-31), month (1-12), day of week (0-7, Sunday = 0 or 7), such as"
                            + " '0 1 * * *' (every day at 01:00 UTC) or '*/15 * * * *' (every 15 minutes).",
                    trimmed, what, reason(e));
        }
    }

    public String expression() {
        return expression;
    }

    /** The first time strictly after {@code after} that the expression matches, in UTC. */
    public ZonedDateTime nextAfter(ZonedDateTime after) {
        ZonedDateTime utc = after.withZoneSameInstant(ZoneOffset.UTC);
        return executionTime
                .nextExecution(utc)
                .orElseThrow(() -> LoglakeException.user(
                        "The cron expression '%s' never matches a time after %s; choose one that does.",
                        expression, utc));
    }

    private static String reason(IllegalArgumentException e) {
        String message = e.getMessage() == null
                ? "not a cron expression"
                : e.getMessage().replace("Failed to parse cron expression. ", "");
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule that && expression.equals(that.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
