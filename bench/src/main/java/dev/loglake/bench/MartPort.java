package dev.loglake.bench;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.sql.SqlFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One mart of the lake ported to DuckDB: a file of the bench's resources, {@code duckdb/marts/<mart>.sql}, that
 * computes the same table from the DuckDB facts, and the figures (its {@code @figure name: expression} tags) by
 * which it is compared with the lake's table, day by day.
 */
record MartPort(String mart, SqlFile file) {
    static final String FOLDER = "/dev/loglake/bench/duckdb/";
    private static final Pattern FIGURE = Pattern.compile("([a-z][a-z0-9_]*):\\s+(.+)", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{([a-z_]+)}}");

    MartPort {
        requireNonNull(mart, "mart is null");
        requireNonNull(file, "file is null");
        if (figures(file).isEmpty()) {
            throw LoglakeException.internal(
                    "DuckDB port " + file.name() + " declares no @figure: without one, nothing says it computes"
                            + " the mart " + mart + " as the lake does",
                    null);
        }
    }

    /** The port of the lake's mart {@code mart} (such as {@code daily_traffic}); an error names a missing one. */
    static MartPort of(String mart) {
        String name = "marts/" + mart + ".sql";
        String text = resource(name)
                .orElseThrow(() -> LoglakeException.internal(
                        "The lake's mart sql/marts/" + mart + ".sql has no DuckDB port: expected bench resource "
                                + FOLDER + name + " (the bench's DuckDB peer must compute every mart)",
                        null));
        return new MartPort(mart, new SqlFile(FOLDER + name, text));
    }

    /** The SELECT that computes the mart, for DuckDB. */
    String select() {
        return file.render(Map.of());
    }

    /** The figures, by name: each a whole-number aggregate over the mart's rows of one day. */
    Map<String, String> figures() {
        return figures(file);
    }

    /** The statement that reads this mart's figures per day from {@code table}, on Trino or on DuckDB. */
    String figuresQuery(String table) {
        String figures = figures().entrySet().stream()
                .map(figure -> figure.getValue() + " AS " + figure.getKey())
                .collect(Collectors.joining(", "));
        return fill("figures.sql", Map.of("figures", figures, "table", table));
    }

    private static Map<String, String> figures(SqlFile file) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String value : file.tagValues("figure")) {
            Matcher matcher = FIGURE.matcher(value);
            if (!matcher.matches()
                    || figures.put(matcher.group(1), matcher.group(2).trim()) != null) {
                throw LoglakeException.internal(
                        "DuckDB port " + file.name() + " has a malformed or repeated @figure tag (expected"
                                + " 'name: expression', each name once): " + value,
                        null);
            }
        }
        return figures;
    }

    /**
     * A bench resource under {@link #FOLDER} with its {@code {{name}}} placeholders replaced by SQL text the bench
     * built itself (a table name, figure expressions, quoted paths), without its header comment.
     */
    static String fill(String name, Map<String, String> values) {
        String text = resource(name)
                .orElseThrow(() -> LoglakeException.internal("Bench resource " + FOLDER + name + " is missing", null));
        Matcher matcher = PARAMETER.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw LoglakeException.internal(
                        "Bench resource " + FOLDER + name + " needs a value for {{" + matcher.group(1) + "}}", null);
            }
            matcher.appendReplacement(sql, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(sql);
        return new SqlFile(name, sql.toString()).render(Map.of());
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = MartPort.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw LoglakeException.external("Cannot read bench resource " + FOLDER + name + ": " + e.getMessage(), e);
        }
    }

    /** The lake's marts that a DuckDB port computes: every one but the facts, which {@link DuckDbEtl} writes. */
    static List<String> portedMarts(List<String> lakeMarts) {
        return lakeMarts.stream().filter(mart -> !mart.equals("fact_requests")).toList();
    }
}
