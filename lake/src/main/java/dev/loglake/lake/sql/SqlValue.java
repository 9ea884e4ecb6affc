package dev.loglake.lake.sql;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.source.FlatPrefixDays;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A value bound into a SQL file. Each kind renders itself into SQL from a validated, typed value, so that
 * nothing from configuration or the command line is ever pasted into a statement unchecked.
 */
public sealed interface SqlValue {
    String render();

    /** A lower-case SQL identifier (schema, catalog): validated, never quoted around user text. */
    record Identifier(String name) implements SqlValue {
        private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

        public Identifier {
            requireNonNull(name, "name is null");
            if (!VALID.matcher(name).matches()) {
                throw LoglakeException.user(
                        "Invalid SQL identifier '%s': expected a lower-case letter followed by up to 62 lower-case"
                                + " letters, digits or underscores.",
                        name);
            }
        }

        @Override
        public String render() {
            return name;
        }
    }

    /**
     * SELECTs of loglake's own SQL files (never text from configuration, a command line or a log), rendered as
     * one UNION ALL: the formats' parses that staging/parsed_lines.sql reads. Each must be one SELECT without
     * parameters of its own.
     */
    record UnionAll(java.util.List<String> selects) implements SqlValue {
        public UnionAll {
            selects = java.util.List.copyOf(requireNonNull(selects, "selects is null"));
            if (selects.isEmpty()) {
                throw LoglakeException.internal("A UNION ALL needs at least one SELECT", null);
            }
            for (String select : selects) {
                if (!select.startsWith("SELECT") || select.contains("{{") || select.contains(";")) {
                    throw LoglakeException.internal(
                            "Expected one SELECT without parameters or ';' in a UNION ALL, got: " + select, null);
                }
            }
        }

        @Override
        public String render() {
            return selects.stream()
                    .map(select -> "(" + select + ")")
                    .collect(java.util.stream.Collectors.joining("\nUNION ALL\n"));
        }
    }

    /** A date, rendered as a DATE literal from a parsed {@link LocalDate}. */
    record Date(LocalDate value) implements SqlValue {
        public Date {
            requireNonNull(value, "value is null");
        }

        @Override
        public String render() {
            return "DATE '" + value + "'";
        }
    }

    /**
     * Dates for an {@code IN (...)} list, rendered as DATE literals separated by commas, in ascending order. No
     * dates render as {@code NULL}: {@code dt IN (NULL)} is valid SQL and matches no row, where {@code IN ()}
     * would not parse.
     */
    record Dates(java.util.SortedSet<LocalDate> values) implements SqlValue {
        public Dates {
            values = java.util.Collections.unmodifiableSortedSet(
                    new java.util.TreeSet<>(requireNonNull(values, "values is null")));
        }

        public static Dates of(java.util.Collection<LocalDate> days) {
            return new Dates(new java.util.TreeSet<>(days));
        }

        @Override
        public String render() {
            if (values.isEmpty()) {
                return "NULL";
            }
            return String.join(
                    ", ", values.stream().map(day -> new Date(day).render()).toList());
        }
    }

    /** A point in time, rendered as a UTC TIMESTAMP(3) literal. */
    record Timestamp(java.time.Instant value) implements SqlValue {
        public Timestamp {
            requireNonNull(value, "value is null");
        }

        @Override
        public String render() {
            return "TIMESTAMP '"
                    + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                            .withZone(java.time.ZoneOffset.UTC)
                            .format(value)
                    + "'";
        }
    }

    /** A whole number. */
    record Integer(long value) implements SqlValue {
        @Override
        public String render() {
            return Long.toString(value);
        }
    }

    /**
     * A string literal, or {@code NULL} when empty: an optional filter, written {@code ({{x}} IS NULL OR c = {{x}})}
     * (a report on one site or on all of them). The text is as {@link Text} takes it.
     */
    record OptionalText(java.util.Optional<String> value) implements SqlValue {
        public OptionalText {
            requireNonNull(value, "value is null");
            value.ifPresent(Text::new);
        }

        @Override
        public String render() {
            return value.map(text -> new Text(text).render()).orElse("NULL");
        }
    }

    /** A string literal, with single quotes doubled; only for values loglake built itself, such as S3 URIs. */
    record Text(String value) implements SqlValue {
        public Text {
            requireNonNull(value, "value is null");
            if (value.indexOf('\0') >= 0) {
                throw LoglakeException.user("A SQL string may not contain a NUL character: %s", value);
            }
        }

        @Override
        public String render() {
            return "'" + value.replace("'", "''") + "'";
        }
    }

    /**
     * Which raw objects a read of {@code raw.log_lines} may open, for the sources read in place whose objects lie
     * flat in one folder ({@link FlatPrefixDays}: CloudFront). Each of their days is a partition at that same
     * folder, so a partition's listing holds every day's objects. Rendered as two conditions: one on {@code "$path"}
     * alone (everything outside those folders, and inside them the objects of the days read), which Trino's Hive
     * split loader applies to the listed objects before it opens any, so a day's read opens that day's objects and
     * no others; and a row condition that keeps each object's lines in the partition of the day in its name only
     * (when several days are read, each day's partition lists the others' objects too). Without such sources it is
     * {@code TRUE}.
     */
    record RawObjectFilter(java.util.List<FlatPrefixDays> sources) implements SqlValue {
        private static final String PATH = "\"$path\"";

        public RawObjectFilter {
            sources = java.util.List.copyOf(requireNonNull(sources, "sources is null"));
        }

        @Override
        public String render() {
            if (sources.isEmpty()) {
                return "TRUE";
            }
            java.util.List<String> objects = new java.util.ArrayList<>(outsideTheFolders());
            for (FlatPrefixDays source : sources) {
                String folder = source.location().toString();
                source.distributions()
                        .forEach((day, ids) -> ids.forEach(id ->
                                objects.add(range(folder + id + "." + day + "-", folder + id + "." + day + "."))));
            }
            String sites = sources.stream()
                    .map(source -> new Text(source.site()).render())
                    .distinct()
                    .collect(java.util.stream.Collectors.joining(", "));
            return "(" + String.join("\n            OR ", objects) + ")\n        AND (site NOT IN (" + sites
                    + ") OR regexp_extract(" + PATH + ", " + new Text(FlatPrefixDays.DAY_IN_URI_REGEX).render()
                    + ", 1) = dt)";
        }

        /** The URIs outside every flat folder: the gaps between the folders' ranges, merged where they overlap. */
        private java.util.List<String> outsideTheFolders() {
            java.util.TreeMap<String, String> folders = new java.util.TreeMap<>();
            for (FlatPrefixDays source : sources) {
                String from = source.location().toString();
                // Every URI that starts with the folder ("s3://b/p/") sorts before the folder with its last
                // character ('/') made the next one ('0').
                String to = from.substring(0, from.length() - 1) + (char) (from.charAt(from.length() - 1) + 1);
                folders.merge(from, to, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            java.util.List<String> gaps = new java.util.ArrayList<>();
            String after = null;
            for (java.util.Map.Entry<String, String> folder : folders.entrySet()) {
                if (after != null && folder.getKey().compareTo(after) <= 0) {
                    after = after.compareTo(folder.getValue()) >= 0 ? after : folder.getValue();
                    continue;
                }
                gaps.add(
                        after == null
                                ? PATH + " < " + new Text(folder.getKey()).render()
                                : range(after, folder.getKey()));
                after = folder.getValue();
            }
            gaps.add(PATH + " >= " + new Text(after).render());
            return gaps;
        }

        private static String range(String from, String to) {
            return "(" + PATH + " >= " + new Text(from).render() + " AND " + PATH + " < " + new Text(to).render() + ")";
        }
    }
}
