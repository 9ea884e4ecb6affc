package dev.loglake.lake.source;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.RawLayout;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days of a source read in place whose objects lie flat in one folder, named by distribution and hour, as
 * CloudFront's standard logs are: {@code <prefix>/<distribution>.yyyy-mm-dd-hh.<unique-id>.gz}. A raw partition is
 * a folder, so every day of such a source is registered at the same folder; which objects belong to a day is told
 * by their names (see {@link dev.loglake.lake.sql.SqlValue.RawObjectFilter}).
 */
public record FlatPrefixDays(String site, S3Location location, SortedMap<LocalDate, SortedSet<String>> distributions) {
    /** CloudFront's object name: the distribution's id, the UTC date and hour, a unique id, {@code .gz}. */
    private static final Pattern OBJECT_NAME =
            Pattern.compile("([A-Z0-9]{1,32})\\.(\\d{4}-\\d{2}-\\d{2})-([0-2]\\d)\\.[A-Za-z0-9_-]+\\.gz");

    /** The day in an object's URI (group 1), for the SQL that keeps each day's objects in that day's partition. */
    public static final String DAY_IN_URI_REGEX =
            "/[A-Z0-9]{1,32}\\.([0-9]{4}-[0-9]{2}-[0-9]{2})-[0-2][0-9]\\.[A-Za-z0-9_-]+\\.gz$";

    public FlatPrefixDays {
        RawLayout.requireSite(site);
        requireNonNull(location, "location is null");
        SortedMap<LocalDate, SortedSet<String>> copy = new TreeMap<>();
        requireNonNull(distributions, "distributions is null").forEach((day, ids) -> {
            ids.forEach(FlatPrefixDays::requireDistribution);
            copy.put(day, Collections.unmodifiableSortedSet(new TreeSet<>(ids)));
        });
        distributions = Collections.unmodifiableSortedMap(copy);
    }

    /** An object of the folder, by its name (the key's last part): its distribution and day, if it is a log. */
    public static Optional<LogObject> parse(String name) {
        Matcher matcher = OBJECT_NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LogObject(matcher.group(1), LocalDate.parse(matcher.group(2))));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A log object of a flat folder: its distribution and the UTC day in its name. */
    public record LogObject(String distribution, LocalDate day) {
        public LogObject {
            requireDistribution(distribution);
            requireNonNull(day, "day is null");
        }
    }

    /** This source's days from {@code from} to {@code to}, with their distributions. */
    public FlatPrefixDays between(LocalDate from, LocalDate to) {
        return new FlatPrefixDays(site, location, distributions.subMap(from, to.plusDays(1)));
    }

    private static void requireDistribution(String id) {
        if (id == null || !id.matches("[A-Z0-9]{1,32}")) {
            throw new IllegalArgumentException("Not a CloudFront distribution id: " + id);
        }
    }
}
