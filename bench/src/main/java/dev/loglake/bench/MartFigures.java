package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A mart's figures per day, as one engine computed them: for each day, its rows and the sums of its port's
 * {@code @figure} tags. Two engines agree on a mart when they have the same days with the same figures.
 *
 * @param days by day ({@code 2026-10-01}), the figures by name, in the order of the query's columns
 */
record MartFigures(String mart, SortedMap<String, Map<String, BigDecimal>> days) {
    MartFigures {
        requireNonNull(mart, "mart is null");
        SortedMap<String, Map<String, BigDecimal>> copy = new TreeMap<>();
        days.forEach((day, figures) -> copy.put(day, Collections.unmodifiableMap(new LinkedHashMap<>(figures))));
        days = Collections.unmodifiableSortedMap(copy);
    }

    /** From the rows of {@link MartPort#figuresQuery}: the day first, then each figure (a whole number or null). */
    static MartFigures of(String mart, List<String> columns, List<List<Object>> rows) {
        SortedMap<String, Map<String, BigDecimal>> days = new TreeMap<>();
        for (List<Object> row : rows) {
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            for (int i = 1; i < columns.size(); i++) {
                Object value = row.get(i);
                figures.put(columns.get(i), value == null ? BigDecimal.ZERO : new BigDecimal(value.toString()));
            }
            days.put(String.valueOf(row.get(0)), figures);
        }
        return new MartFigures(mart, days);
    }

    /**
     * Every figure on which DuckDB's marts differ from loglake's, one line each naming the mart, the day, the
     * figure and both values; empty when they agree on every mart, day and figure.
     */
    static List<String> differences(Map<String, MartFigures> loglake, Map<String, MartFigures> duckdb) {
        List<String> differences = new ArrayList<>();
        for (String mart : new TreeSet<>(union(loglake.keySet(), duckdb.keySet()))) {
            MartFigures expected = loglake.get(mart);
            MartFigures actual = duckdb.get(mart);
            if (expected == null || actual == null) {
                differences.add(mart + ": computed by " + (expected == null ? "DuckDB only" : "loglake only"));
                continue;
            }
            for (String day : union(expected.days.keySet(), actual.days.keySet())) {
                differences.addAll(dayDifferences(mart, day, expected.days.get(day), actual.days.get(day)));
            }
        }
        return List.copyOf(differences);
    }

    private static List<String> dayDifferences(
            String mart, String day, Map<String, BigDecimal> loglake, Map<String, BigDecimal> duckdb) {
        if (loglake == null || duckdb == null) {
            return List.of(mart + " " + day + ": rows in " + (loglake == null ? "DuckDB's" : "loglake's")
                    + " mart only (" + (loglake == null ? duckdb : loglake) + ")");
        }
        List<String> differences = new ArrayList<>();
        for (String figure : union(loglake.keySet(), duckdb.keySet())) {
            BigDecimal expected = loglake.get(figure);
            BigDecimal actual = duckdb.get(figure);
            if (expected == null || actual == null || expected.compareTo(actual) != 0) {
                differences.add(mart + " " + day + " " + figure + ": loglake " + expected + ", DuckDB " + actual);
            }
        }
        return differences;
    }

    private static TreeSet<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
