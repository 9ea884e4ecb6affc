package dev.loglake.core.config;

import dev.loglake.core.LoglakeException;
import java.util.List;

/**
 * How much {@code loglake generate} writes when its command line does not say: the default of
 * {@code --events-per-day}. A key rather than only a flag so that a deployment sets it where it sets the rest of
 * the CLI's configuration (the ConfigMap of the generate CronJob), without changing the CronJob's arguments.
 *
 * @param eventsPerDay average valid events per day over a week, 0 to {@link #MAX_EVENTS_PER_DAY}
 */
public record GenerateVolumeConfig(long eventsPerDay) {
    public static final String EVENTS_PER_DAY = "generate.events-per-day";

    /** A busy shop's day, about a million log lines. */
    public static final long DEFAULT_EVENTS_PER_DAY = 1_000_000;

    /** The generator's limit (GenerateOptions refuses more): counts stay far below a long's range. */
    public static final long MAX_EVENTS_PER_DAY = 10_000_000_000L;

    static final List<ConfigProperty> PROPERTIES = List.of(ConfigProperty.of(
            EVENTS_PER_DAY,
            Long.toString(DEFAULT_EVENTS_PER_DAY),
            "Average valid events per day 'loglake generate' writes when --events-per-day is not given: 0 to "
                    + MAX_EVENTS_PER_DAY + "."));

    public GenerateVolumeConfig {
        if (eventsPerDay < 0 || eventsPerDay > MAX_EVENTS_PER_DAY) {
            throw LoglakeException.user(
                    "Invalid value for %s: %d. Expected 0 to %d events per day.",
                    EVENTS_PER_DAY, eventsPerDay, MAX_EVENTS_PER_DAY);
        }
    }

    public static GenerateVolumeConfig from(Settings settings) {
        String raw = settings.get(EVENTS_PER_DAY).trim();
        try {
            return new GenerateVolumeConfig(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw LoglakeException.user(
                    "Invalid value for %s: '%s' (%s). Expected a whole number of events per day.",
                    EVENTS_PER_DAY, raw, settings.source(EVENTS_PER_DAY));
        }
    }
}
