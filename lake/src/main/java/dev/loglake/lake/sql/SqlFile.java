package dev.loglake.lake.sql;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of sql/: its text and the header tags the runner reads ({@code -- @partitioned_by dt}).
 * Parameters are written {@code {{name}}}; rendering fails, naming the file, when a parameter has no value
 * or a value is given for a parameter the file does not use.
 *
 * <p>The header also documents the table for BI tools, in one place next to the SQL: {@code -- @description}
 * says what the table is, and one {@code -- @column name: meaning} line per column says what each column
 * means. A tag's text may go on over the next lines, indented by at least two spaces after the {@code --}.
 */
public record SqlFile(String name, String text) {
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final Pattern TAG = Pattern.compile("^-- @([a-z_]+)\\s+(.*)$", Pattern.MULTILINE);
    private static final Pattern CONTINUATION = Pattern.compile("^--\\s{2,}([^@\\s].*)$");
    private static final Pattern COLUMN = Pattern.compile("([a-z_][a-z0-9_]*):\\s+(.+)", Pattern.DOTALL);
    private static final Pattern SESSION = Pattern.compile("([a-z][a-z0-9_]*) = ([A-Za-z0-9_]+): (.+)", Pattern.DOTALL);

    /** The Hive metastore stores a column comment in a varchar(256) (COLUMNS_V2.COMMENT). */
    public static final int MAX_COLUMN_COMMENT = 256;

    public SqlFile {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
    }

    /** Loads {@code sql/<name>} from the classpath, for example {@code marts/fact_requests.sql}. */
    public static SqlFile load(String name) {
        String resource = "/sql/" + name;
        try (InputStream in = SqlFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw LoglakeException.internal("SQL file " + name + " is missing from the loglake-lake jar", null);
            }
            return new SqlFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a header tag, such as the partition column of {@code @partitioned_by}. */
    public Optional<String> tag(String tag) {
        Matcher matcher = TAG.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(tag)) {
                return Optional.of(matcher.group(2).trim());
            }
        }
        return Optional.empty();
    }

    /** Every value of a repeatable tag, in file order, each with its continuation lines joined by a space. */
    public List<String> tagValues(String tag) {
        List<String> values = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = TAG.matcher(lines[i]);
            if (matcher.matches() && matcher.group(1).equals(tag)) {
                StringBuilder value = new StringBuilder(matcher.group(2).trim());
                for (int next = i + 1; next < lines.length; next++) {
                    Matcher continuation = CONTINUATION.matcher(lines[next]);
                    if (!continuation.matches()) {
                        break;
                    }
                    value.append(' ').append(continuation.group(1).trim());
                }
                values.add(value.toString());
            }
        }
        return values;
    }

    /** What the table or view is, for BI tools: the {@code @description}, then its grain. */
    public Optional<String> tableComment() {
        List<String> description = tagValues("description");
        if (description.isEmpty()) {
            return Optional.empty();
        }
        List<String> grain = tagValues("grain");
        return Optional.of(description.get(0) + (grain.isEmpty() ? "" : " Grain: " + grain.get(0)));
    }

    /** What each column means, from the {@code @column name: meaning} tags, in file order. */
    public Map<String, String> columnComments() {
        return namedTagValues("column", COLUMN, "name: meaning", "describes column");
    }

    /**
     * The Trino session properties the file's statement runs with, from its {@code @session name = value: why}
     * tags, in file order. The reason is required: a setting that changes a plan must say what it is for.
     */
    public Map<String, String> sessionProperties() {
        return namedTagValues("session", SESSION, "property = VALUE: why", "sets session property");
    }

    /**
     * The values of a repeatable tag of the form "name ... value", by name in file order: {@code form} has the
     * name as group 1 and the value as group 2. A malformed or repeated one is an error naming the file.
     */
    private Map<String, String> namedTagValues(String tag, Pattern form, String expected, String repeatedVerb) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String value : tagValues(tag)) {
            Matcher matcher = form.matcher(value);
            if (!matcher.matches()) {
                throw LoglakeException.internal(
                        "SQL file " + name + " has a malformed @" + tag + " tag (expected '" + expected + "'): "
                                + value,
                        null);
            }
            if (values.put(matcher.group(1), matcher.group(2).trim()) != null) {
                throw LoglakeException.internal(
                        "SQL file " + name + " " + repeatedVerb + " " + matcher.group(1) + " twice", null);
            }
        }
        return values;
    }

    /** The partition column, if the file declares one (a word, not "(none...)"). */
    public Optional<String> partitionColumn() {
        return tag("partitioned_by").filter(value -> value.matches("[a-z_]+"));
    }

    public Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The SQL with every parameter replaced by its rendered value, and without the header comment. */
    public String render(Map<String, SqlValue> values) {
        Set<String> missing = new TreeSet<>(parameters());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw LoglakeException.internal("SQL file " + name + " needs values for " + missing, null);
        }
        Matcher matcher = PARAMETER.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    sql, Matcher.quoteReplacement(values.get(matcher.group(1)).render()));
        }
        matcher.appendTail(sql);
        return stripLeadingComments(sql.toString());
    }

    private static String stripLeadingComments(String sql) {
        StringBuilder body = new StringBuilder();
        boolean inHeader = true;
        for (String line : sql.split("\n", -1)) {
            if (inHeader && (line.startsWith("--") || line.isBlank())) {
                continue;
            }
            inHeader = false;
            body.append(line).append('\n');
        }
        return body.toString().strip();
    }
}
