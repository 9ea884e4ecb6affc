package dev.loglake.transforms.sql;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
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
 */
public record SqlFile(String name, String text) {
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final Pattern TAG = Pattern.compile("^-- @([a-z_]+)\\s+(.*)$", Pattern.MULTILINE);

    public SqlFile {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
    }

    /** Loads {@code sql/<name>} from the classpath, for example {@code marts/fact_requests.sql}. */
    public static SqlFile load(String name) {
        String resource = "/sql/" + name;
        try (InputStream in = SqlFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw LoglakeException.internal(
                        "SQL file " + name + " is missing from the loglake-transforms jar", null);
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
