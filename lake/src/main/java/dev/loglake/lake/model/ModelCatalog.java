package dev.loglake.lake.model;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.sql.SqlFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every SQL file of the lake, found by listing sql/, with what each defines and reads. Adding a mart is adding a
 * file: the runner asks the catalog which models a layer has and in which order they can run, instead of keeping
 * lists of its own. A file's dependencies are the relations it reads ({@code {{catalog}}.{{marts_schema}}.name})
 * plus any {@code @depends_on layer.name} tags, for what the SQL does not name that way.
 */
public final class ModelCatalog {
    private static final Pattern READS =
            Pattern.compile("\\{\\{catalog}}\\.\\{\\{([a-z]+)_schema}}\\.\"?([a-z_][a-z0-9_]*)");
    private static final Pattern DEFINES = Pattern.compile("\\{\\{([a-z]+)_schema}}\\.([a-z_][a-z0-9_]*)");
    private static final Pattern CREATE = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS \\{\\{catalog}}\\.\\{\\{([a-z]+)_schema}}\\.([a-z_][a-z0-9_]*)");
    private static final String CHECK_SUFFIX = ".check.sql";
    /** Where the formats' parses are: one file per format, named after it. */
    public static final String FORMATS_FOLDER = "staging/formats/";

    /** The raw table of the text formats' lines (raw/log_lines.sql), read by every format without a @raw_table. */
    public static final String TEXT_RAW_TABLE = "log_lines";

    private static final String RAW_TABLE_TAG = "raw_table";

    private static final Pattern FORMAT_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private static volatile ModelCatalog lake;

    /** By file, sorted: a stable order among models that do not depend on each other. */
    private final SortedMap<String, Model> models;

    private final Map<String, Model> byRelation = new LinkedHashMap<>();

    ModelCatalog(Collection<SqlFile> files) {
        SortedMap<String, Model> all = new TreeMap<>();
        for (SqlFile file : files) {
            all.put(file.name(), describe(file));
        }
        this.models = java.util.Collections.unmodifiableSortedMap(all);
        for (Model model : all.values()) {
            if (model.kind() != ModelKind.QUERY && model.kind() != ModelKind.CHECK) {
                Model twin = byRelation.put(model.relation(), model);
                if (twin != null) {
                    throw LoglakeException.internal(
                            "SQL files " + twin.file() + " and " + model.file() + " both define " + model.relation(),
                            null);
                }
            }
        }
        all.values().forEach(this::ordered);
        formats().values().forEach(this::checkRawTable);
        // Malformed @test tags fail when the catalog is read, not in the middle of a load.
        all.values().stream().filter(model -> model.kind() == ModelKind.MODEL).forEach(DataTest::declaredBy);
    }

    /** The catalog of the sql/ folder this jar packages, listed once. */
    public static ModelCatalog lake() {
        ModelCatalog catalog = lake;
        if (catalog == null) {
            synchronized (ModelCatalog.class) {
                if (lake == null) {
                    lake = new ModelCatalog(listSqlFolder());
                }
                catalog = lake;
            }
        }
        return catalog;
    }

    /** The model of a file, such as {@code marts/fact_requests.sql}. */
    public Model model(String file) {
        Model model = models.get(file);
        if (model == null) {
            throw LoglakeException.internal("SQL file " + file + " is not in the lake's sql/ folder", null);
        }
        return model;
    }

    /** The file that defines a relation ({@code marts.fact_requests}), if any. */
    public Optional<Model> definer(String relation) {
        return Optional.ofNullable(byRelation.get(relation));
    }

    /** The files of a kind in a folder of sql/, each after the ones it reads. */
    public List<Model> all(ModelKind kind, String layer) {
        return ordered(models.values().stream()
                .filter(model -> model.kind() == kind && model.layer().equals(layer))
                .toList());
    }

    /** The files of the catalog that define what {@code model} reads. */
    public Set<Model> dependencies(Model model) {
        Set<Model> dependencies = new LinkedHashSet<>();
        for (String relation : model.reads()) {
            definer(relation).filter(other -> !other.equals(model)).ifPresent(dependencies::add);
        }
        return dependencies;
    }

    /**
     * The given models, each after those of them it depends on (directly or through others of them); otherwise
     * in file order. A cycle is an error that names it.
     */
    public List<Model> ordered(Collection<Model> given) {
        Set<Model> wanted = new LinkedHashSet<>(given);
        List<Model> order = new ArrayList<>();
        Set<Model> done = new LinkedHashSet<>();
        for (Model model : new TreeMap<>(index(wanted)).values()) {
            visit(model, wanted, done, new LinkedHashSet<>(), order);
        }
        return List.copyOf(order);
    }

    private List<Model> ordered(Model model) {
        return ordered(List.of(model));
    }

    private void visit(Model model, Set<Model> wanted, Set<Model> done, Set<Model> path, List<Model> order) {
        if (done.contains(model)) {
            return;
        }
        if (!path.add(model)) {
            throw LoglakeException.internal("SQL files read each other in a cycle: " + path + " -> " + model, null);
        }
        for (Model dependency : new TreeMap<>(index(dependencies(model))).values()) {
            visit(dependency, wanted, done, path, order);
        }
        path.remove(model);
        done.add(model);
        if (wanted.contains(model)) {
            order.add(model);
        }
    }

    private static Map<String, Model> index(Collection<Model> models) {
        Map<String, Model> byFile = new TreeMap<>();
        models.forEach(model -> byFile.put(model.file(), model));
        return byFile;
    }

    static Model describe(SqlFile sql) {
        String body = sql.render(placeholders(sql));
        ModelKind kind = kind(sql, body);
        String relation =
                switch (kind) {
                    case MODEL -> relation(sql, sql.tag("table").orElseThrow(), DEFINES);
                    case VIEW -> relation(sql, sql.tag("view").orElseThrow(), DEFINES);
                    case DDL -> relation(sql, sql.text(), CREATE);
                    case QUERY -> sql.tag("query").orElseThrow();
                    case FORMAT -> "format." + formatName(sql);
                    case CHECK -> sql.name()
                            .substring(
                                    sql.name().lastIndexOf('/') + 1, sql.name().length() - CHECK_SUFFIX.length());
                };
        Set<String> reads = new TreeSet<>();
        Matcher matcher = READS.matcher(stripComments(sql.text()));
        while (matcher.find()) {
            reads.add(matcher.group(1) + "." + matcher.group(2));
        }
        reads.addAll(sql.tagValues("depends_on"));
        reads.remove(relation);
        return new Model(sql.name(), kind, relation, reads, sql);
    }

    private static ModelKind kind(SqlFile sql, String body) {
        if (sql.name().endsWith(CHECK_SUFFIX)) {
            return ModelKind.CHECK;
        }
        if (body.startsWith("CREATE TABLE IF NOT EXISTS")) {
            return ModelKind.DDL;
        }
        if (sql.tag("view").isPresent()) {
            return ModelKind.VIEW;
        }
        if (sql.tag("query").isPresent()) {
            return ModelKind.QUERY;
        }
        if (sql.tag("format").isPresent()) {
            return ModelKind.FORMAT;
        }
        if (sql.tag("table").isPresent()) {
            return ModelKind.MODEL;
        }
        throw LoglakeException.internal(
                "SQL file " + sql.name() + " is neither a CREATE TABLE IF NOT EXISTS nor a SELECT with a @table, @view"
                        + " @query or @format tag, nor a .check.sql file",
                null);
    }

    /**
     * The format a staging/formats/ file parses: its {@code @format} tag, which must be its file name (the folder
     * of the raw logs, access/&lt;format&gt;/, and the value of ingest's --format). A format file takes no
     * parameters: it is pasted into staging/parsed_lines.sql, whose parameters are rendered before.
     */
    private static String formatName(SqlFile sql) {
        String name = sql.tag("format").orElseThrow().strip();
        if (!FORMAT_NAME.matcher(name).matches() || !sql.name().equals(FORMATS_FOLDER + name + ".sql")) {
            throw LoglakeException.internal(
                    "SQL file " + sql.name() + " declares @format '" + name + "': expected a lower-case name of"
                            + " letters, digits and underscores that is also its file name, "
                            + FORMATS_FOLDER + "<format>.sql",
                    null);
        }
        if (!sql.parameters().isEmpty()) {
            throw LoglakeException.internal(
                    "Format file " + sql.name() + " uses parameters " + sql.parameters()
                            + ": a format file reads only raw_lines and takes none",
                    null);
        }
        return name;
    }

    private static String relation(SqlFile sql, String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw LoglakeException.internal(
                    "SQL file " + sql.name() + " does not name its relation as {{<layer>_schema}}.<name>: " + text,
                    null);
        }
        return matcher.group(1) + "." + matcher.group(2);
    }

    /** Every parameter as a placeholder, so that the body can be read without real values. */
    private static Map<String, dev.loglake.lake.sql.SqlValue> placeholders(SqlFile sql) {
        Map<String, dev.loglake.lake.sql.SqlValue> values = new LinkedHashMap<>();
        sql.parameters().forEach(name -> values.put(name, new dev.loglake.lake.sql.SqlValue.Integer(0)));
        return values;
    }

    private static String stripComments(String text) {
        return text.replaceAll("(?m)--.*$", "");
    }

    private static List<SqlFile> listSqlFolder() {
        URL root = ModelCatalog.class.getResource("/sql/");
        if (root == null) {
            throw LoglakeException.internal("The sql/ folder is missing from the loglake-lake jar", null);
        }
        try {
            URI uri = root.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return read(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return read(jar.provider().getPath(uri));
            } catch (FileSystemAlreadyExistsException e) {
                return read(FileSystems.getFileSystem(uri).provider().getPath(uri));
            }
        } catch (URISyntaxException | IOException e) {
            throw LoglakeException.internal("Cannot list the sql/ folder at " + root, e);
        }
    }

    private static List<SqlFile> read(Path sqlFolder) throws IOException {
        List<SqlFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(sqlFolder)) {
            for (Path path : paths.filter(path -> path.toString().endsWith(".sql"))
                    .sorted()
                    .toList()) {
                String name = sqlFolder.relativize(path).toString().replace('\\', '/');
                try {
                    files.add(new SqlFile(name, Files.readString(path, StandardCharsets.UTF_8)));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
        return files;
    }

    /**
     * The data tests of a folder of sql/: the generic tests its models declare and its {@code .check.sql} files.
     * The runner merges them into one statement per layer.
     */
    public List<DataTest> tests(String layer) {
        List<DataTest> tests = new ArrayList<>();
        for (Model model : all(ModelKind.MODEL, layer)) {
            tests.addAll(DataTest.declaredBy(model));
        }
        all(ModelKind.CHECK, layer).forEach(check -> tests.add(DataTest.of(check)));
        return tests;
    }

    /** The declared log formats, by name (combined, common, ...): the staging/formats/ files, sorted by name. */
    public SortedMap<String, Model> formats() {
        SortedMap<String, Model> formats = new TreeMap<>();
        models.values().stream()
                .filter(model -> model.kind() == ModelKind.FORMAT)
                .forEach(model -> formats.put(model.name(), model));
        return java.util.Collections.unmodifiableSortedMap(formats);
    }

    /**
     * The raw table whose partitions each declared format reads: its file's {@code @raw_table} tag (a typed format,
     * such as parquet, has a table of its own), else {@link #TEXT_RAW_TABLE}, the lines of every text format.
     */
    public SortedMap<String, String> rawTables() {
        SortedMap<String, String> tables = new TreeMap<>();
        formats().forEach((name, format) -> tables.put(name, rawTable(format)));
        return java.util.Collections.unmodifiableSortedMap(tables);
    }

    private static String rawTable(Model format) {
        return format.sql().tag(RAW_TABLE_TAG).orElse(TEXT_RAW_TABLE);
    }

    /** A format's {@code @raw_table} must name a table of sql/raw/: a misspelt one would fail only at load time. */
    private void checkRawTable(Model format) {
        Optional<String> tagged = format.sql().tag(RAW_TABLE_TAG);
        if (tagged.isEmpty()) {
            return;
        }
        String table = tagged.get();
        Model definer = byRelation.get("raw." + table);
        if (definer == null || definer.kind() != ModelKind.DDL) {
            throw LoglakeException.internal(
                    "Format file " + format.file() + " reads raw table '" + table + "' (@" + RAW_TABLE_TAG
                            + "), which no CREATE TABLE of sql/raw/ defines",
                    null);
        }
    }

    /** Every file of the catalog. */
    public Collection<Model> models() {
        return models.values();
    }

    static ModelCatalog of(Collection<SqlFile> files) {
        return new ModelCatalog(requireNonNull(files, "files is null"));
    }
}
