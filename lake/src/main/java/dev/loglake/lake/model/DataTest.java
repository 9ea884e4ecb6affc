package dev.loglake.lake.model;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A data test of the lake, in the way dbt keeps tests beside models: a query that returns one row per problem,
 * {@code (partition varchar, problem varchar)}, over the partitions a load just wrote ({@code {{from_date}}} to
 * {@code {{to_date}}}); no row means it holds. Generic tests are declared in a model's header and built here from
 * the model; singular ones are {@code .check.sql} files beside the models.
 *
 * <p>Generic tests, one {@code @test} tag each:
 *
 * <ul>
 *   <li>{@code not_null: a, b}: no row of a written partition has a null a or b;
 *   <li>{@code unique: a, b}: no two rows of a partition share (a, b), the model's grain;
 *   <li>{@code accepted_values: a = 'x', 'y'}: every a of a written partition is one of the values.
 * </ul>
 *
 * @param source the file the test comes from, such as {@code marts/fact_requests.sql}
 * @param name what the test checks, such as {@code not_null(event_time, client_ip)}
 * @param sql the query, with the file's parameters still to bind
 */
public record DataTest(String source, String name, String sql) {
    private static final Pattern TEST = Pattern.compile("([a-z_]+):\\s*(.+)", Pattern.DOTALL);
    private static final Pattern ACCEPTED = Pattern.compile("([a-z_][a-z0-9_]*)\\s*=\\s*(.+)", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern LITERAL = Pattern.compile("'[^']*'|-?[0-9]+");

    public DataTest {
        requireNonNull(source, "source is null");
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
    }

    /** A singular test: a {@code .check.sql} file. */
    static DataTest of(Model check) {
        return new DataTest(check.file(), check.relation(), check.sql().text());
    }

    /** The generic tests a model's header declares ({@code @test} tags). */
    static List<DataTest> declaredBy(Model model) {
        List<DataTest> tests = new ArrayList<>();
        for (String tag : model.sql().tagValues("test")) {
            Matcher matcher = TEST.matcher(tag);
            if (!matcher.matches()) {
                throw malformed(model, tag, "'kind: arguments'");
            }
            tests.add(generic(model, matcher.group(1), matcher.group(2).trim(), tag));
        }
        return tests;
    }

    private static DataTest generic(Model model, String kind, String arguments, String tag) {
        String partition = model.partitionColumn()
                .orElseThrow(() -> malformed(model, tag, "a test of a partitioned model (@partitioned_by)"));
        String table = "{{catalog}}." + model.sql().tag("table").orElseThrow();
        String written = " WHERE " + partition + " BETWEEN {{from_date}} AND {{to_date}}";
        String name = kind + "(" + arguments + ")";
        return switch (kind) {
            case "not_null" -> new DataTest(
                    model.file(), name, notNull(columns(model, tag, arguments), table, partition, written));
            case "unique" -> new DataTest(
                    model.file(), name, unique(columns(model, tag, arguments), table, partition, written));
            case "accepted_values" -> new DataTest(
                    model.file(), name, acceptedValues(model, tag, arguments, table, partition, written));
            default -> throw malformed(model, tag, "not_null, unique or accepted_values");
        };
    }

    private static String notNull(List<String> columns, String table, String partition, String written) {
        String problems = columns.stream()
                .map(column -> "IF(count_if(" + column + " IS NULL) > 0, CAST(count_if(" + column
                        + " IS NULL) AS varchar) || ' rows with a null " + column + "')")
                .collect(Collectors.joining(", "));
        return "SELECT p.partition, u.problem FROM (SELECT CAST(" + partition + " AS varchar) AS partition, ARRAY["
                + problems + "] AS problems FROM " + table + written + " GROUP BY " + partition
                + ") p CROSS JOIN UNNEST(p.problems) AS u(problem) WHERE u.problem IS NOT NULL";
    }

    private static String unique(List<String> columns, String table, String partition, String written) {
        String key = String.join(", ", columns);
        return "SELECT CAST(" + partition + " AS varchar) AS partition, CAST(count(*) AS varchar) || ' values of ("
                + key + ") appear more than once' AS problem FROM (SELECT " + partition + ", " + key + " FROM "
                + table + written + " GROUP BY " + partition + ", " + key + " HAVING count(*) > 1) GROUP BY "
                + partition;
    }

    private static String acceptedValues(
            Model model, String tag, String arguments, String table, String partition, String written) {
        Matcher matcher = ACCEPTED.matcher(arguments);
        if (!matcher.matches()) {
            throw malformed(model, tag, "'accepted_values: column = value, value'");
        }
        List<String> values =
                Arrays.stream(matcher.group(2).split(",")).map(String::trim).toList();
        if (values.stream().anyMatch(value -> !LITERAL.matcher(value).matches())) {
            throw malformed(model, tag, "values written as SQL literals ('x' or 12)");
        }
        String column = matcher.group(1);
        return "SELECT CAST(" + partition + " AS varchar) AS partition, CAST(count(*) AS varchar) || ' rows with "
                + column + " not in (" + String.join(", ", values).replace("'", "''") + ")' AS problem FROM " + table
                + written + " AND coalesce(" + column + " NOT IN (" + String.join(", ", values) + "), true) GROUP BY "
                + partition;
    }

    private static List<String> columns(Model model, String tag, String arguments) {
        List<String> columns =
                Arrays.stream(arguments.split(",")).map(String::trim).toList();
        if (columns.stream().anyMatch(column -> !COLUMN.matcher(column).matches())) {
            throw malformed(model, tag, "column names separated by commas");
        }
        return columns;
    }

    private static LoglakeException malformed(Model model, String tag, String expected) {
        return LoglakeException.internal(
                "SQL file " + model.file() + " has a malformed @test tag (expected " + expected + "): " + tag, null);
    }
}
