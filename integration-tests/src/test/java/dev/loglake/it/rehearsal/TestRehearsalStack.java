package dev.loglake.it.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.StackConfig;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.manifest.ManifestJson;
import dev.loglake.it.transforms.ManifestChecks;
import dev.loglake.it.transforms.TransformFixture;
import dev.loglake.reports.period.PeriodWindow;
import dev.loglake.stack.StackLayout;
import dev.loglake.stack.TrinoSecrets;
import dev.loglake.stack.component.TrinoWorkerComponent;
import dev.loglake.testing.OwnStack;
import dev.loglake.transforms.run.TransformRequest;
import dev.loglake.transforms.run.TransformSummary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The rehearsal of production on one machine: a coordinator and two workers, HTTPS only, password sign-in and
 * the access-control rules of the Helm chart. Clients connect as DBeaver does on AWS: JDBC with SSL=true and a
 * password. The class starts a stack of its own and stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestRehearsalStack {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final int WORKERS = 2;
    private static final LocalDate DAY = LocalDate.of(2035, 3, 1);
    private static final String LOGLAKE_QUERIES =
            "SELECT count(*) FROM system.runtime.queries WHERE \"user\" = 'loglake'";

    private OwnStack own;
    private TransformFixture lake;
    private Manifest manifest;

    @BeforeAll
    void startStackAndLoadADay() {
        own = OwnStack.start(
                "rehearsal",
                Map.of(
                        StackConfig.TRINO_WORKERS, Integer.toString(WORKERS),
                        StackConfig.SECURE, "true",
                        StackConfig.TRINO_HEAP, "1G",
                        StackConfig.TRINO_QUERY_MEMORY, "256MB"));
        // The lake's own schema names (no test prefix): the access-control rules name reports and marts.
        lake = new TransformFixture(own.testStack(), "rehearsal", Map.of(LakeConfig.SCHEMA_PREFIX, ""));
        manifest = lake.generate(DAY, 1, 3_000, 0.01, 0.003);
        lake.transform(TransformRequest.pending());
    }

    @AfterAll
    void stopStack() {
        if (own != null) {
            own.close();
        }
    }

    @Test
    void theCoordinatorSchedulesOnItsWorkers() throws SQLException {
        assertThat(lake.single("SELECT count(*) FROM system.runtime.nodes WHERE state = 'active' AND NOT coordinator"))
                .as("active workers")
                .isEqualTo(WORKERS);
        assertThat(lake.single("SELECT count(*) FROM system.runtime.nodes WHERE coordinator"))
                .isEqualTo(1);
        // The transform's tasks ran on the workers: the coordinator takes none (include-coordinator=false).
        assertThat(lake.single("SELECT count(DISTINCT node_id) FROM system.runtime.tasks"
                        + " WHERE node_id LIKE 'loglake-worker-%'"))
                .as("workers that ran tasks")
                .isPositive();
    }

    @Test
    void theLakeEqualsTheManifest() {
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    @Test
    void theAnalystReadsReportsAndCannotWrite() throws SQLException {
        try (Connection etl = own.testStack().openTrino();
                Statement statement = etl.createStatement()) {
            statement.execute("CREATE OR REPLACE VIEW hive.reports.rehearsal_daily_requests AS"
                    + " SELECT dt, requests FROM hive.marts.daily_traffic");
        }
        try (Connection analyst = connect(TrinoSecrets.ANALYST, secrets().analystPassword());
                Statement statement = analyst.createStatement()) {
            try (ResultSet rows =
                    statement.executeQuery("SELECT requests FROM hive.reports.rehearsal_daily_requests")) {
                assertThat(rows.next()).as("a row of the report view").isTrue();
                assertThat(rows.getLong(1))
                        .isEqualTo(manifest.eventDates().get(DAY.toString()).validEvents());
            }
            assertDenied(statement, "CREATE TABLE hive.reports.analyst_table (x integer)");
            assertDenied(statement, "INSERT INTO hive.marts.daily_traffic SELECT * FROM hive.marts.daily_traffic");
            assertDenied(statement, "DROP VIEW hive.reports.rehearsal_daily_requests");
            assertDenied(statement, "SELECT count(*) FROM hive.staging.quarantine");
            // Only loglake may see (and stop) others' queries: the transform stops readers that outlast a reload.
            assertThat(lake.single(LOGLAKE_QUERIES))
                    .as("loglake's queries, seen by loglake")
                    .isPositive();
            try (ResultSet rows = statement.executeQuery(LOGLAKE_QUERIES)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1))
                        .as("loglake's queries, seen by the analyst")
                        .isZero();
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        // The driver signs in with the first statement, not when it connects.
        assertThatThrownBy(() -> {
                    try (Connection analyst =
                                    connect(TrinoSecrets.ANALYST, secrets().analystPassword() + "x");
                            Statement statement = analyst.createStatement()) {
                        statement.execute("SELECT 1");
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Authentication failed");
    }

    @Test
    void plainHttpToTheSecurePortIsRefused() throws InterruptedException {
        URI plain =
                URI.create("http://127.0.0.1:" + own.stack().config().ports().trino() + "/v1/statement");
        HttpRequest request = HttpRequest.newBuilder(plain)
                .header("X-Trino-User", "loglake")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("status of plain HTTP to the HTTPS port")
                    .isNotEqualTo(200);
            assertThat(response.body()).doesNotContain("nextUri");
        } catch (IOException e) {
            // refused at the TLS layer: as good
        }
    }

    @Test
    void secretsAreOwnerOnlyAndTheRulesAreTheChartsFile() throws IOException {
        Path root = own.stack().layout().root();
        for (Path secret : new Path[] {
            own.stack().layout().trinoSecrets(),
            root.resolve("secrets/trino-keystore.p12"),
            root.resolve("trino/etc/password.db")
        }) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .as(secret.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(root.resolve("trino/etc/password.db"), StandardCharsets.UTF_8))
                .contains("loglake:$2a$10$")
                .doesNotContain(secrets().loglakePassword());
        Path chartRules = REPOSITORY.resolve("k8s/trino/access-control-rules.json");
        assertThat(Files.readString(root.resolve("trino/etc/access-control-rules.json"), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(chartRules, StandardCharsets.UTF_8));
    }

    /**
     * The metastore is the one the image's entrypoint started: the stack ran the repository's script, which rendered
     * the configuration into METASTORE_RUNTIME_DIR (the stack rendered none itself) and exec'd the metastore on
     * Java 17 with the image's class path. The transform of the class's set-up shows that it works.
     */
    @Test
    void theMetastoreRunsThroughTheImagesEntrypoint() throws IOException {
        StackLayout layout = own.stack().layout();
        Path image = layout.metastoreImage();
        long pid = layout.processFiles("metastore")
                .liveProcess()
                .orElseThrow(() -> new AssertionError("no live metastore process"))
                .pid();
        String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
                .replace('\0', ' ');
        assertThat(commandLine)
                .as("the metastore's command line")
                .contains("-cp " + image.resolve("runtime") + ":" + image.resolve("home/lib") + "/*")
                .contains("-Dlog4j.configurationFile=" + image.resolve("runtime/metastore-log4j2.properties"))
                .endsWith("org.apache.hadoop.hive.metastore.HiveMetaStore ");
        assertThat(Path.of("/proc", Long.toString(pid), "exe").toRealPath())
                .as("the java the entrypoint found on PATH")
                .isEqualTo(
                        Path.of(System.getProperty("java.home"), "bin", "java").toRealPath());
        assertThat(image.resolve("docker-entrypoint.sh"))
                .hasSameBinaryContentAs(REPOSITORY.resolve("hive-metastore/docker/docker-entrypoint.sh"));
        Path site = image.resolve("runtime/metastore-site.xml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(site)))
                .isEqualTo("rw-------");
        int port = own.stack().config().ports().metastore();
        assertThat(Files.readString(site, StandardCharsets.UTF_8))
                .contains("<name>metastore.thrift.bind.host</name><value>127.0.0.1</value>")
                .contains("<name>metastore.thrift.port</name><value>" + port + "</value>");
        assertThat(layout.metastoreConf().resolve("metastore-site.xml"))
                .as("a configuration the stack rendered itself")
                .doesNotExist();
        assertThat(Files.readString(layout.processFiles("metastore").logFile(), StandardCharsets.ISO_8859_1))
                .contains("docker-entrypoint: starting Hive Metastore on 127.0.0.1:" + port);
    }

    /**
     * Each CronJob of k8s/jobs/, in schedule order, as its container's own process against this stack (see {@link
     * CronJobProcess} and {@link RehearsalCronJobs}): generate writes today (UTC) at the volume of the ConfigMap
     * (terraform's generate_events_per_day, small in the rehearsal: the run's manifest shows it came through), transform
     * loads it with the days the nightly report reads (generated here first, as a lake in production has them),
     * report writes what ended yesterday. Every run exits 0 and writes nothing into the image's read-only WORKDIR;
     * the lake equals generate's manifest and the reports are in the bucket. Before the worker is killed.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theCronJobsRunTheirContainersAgainstTheRehearsal() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate day : NightlyReports.daysItReads(today)) {
            lake.generate(day, 1, 2_000, 0.0, 0.003);
        }
        List<CronJobContainer> jobs = RehearsalCronJobs.inScheduleOrder(REPOSITORY);
        assertThat(jobs)
                .extracting(CronJobContainer::name)
                .containsExactly("loglake-generate", "loglake-transform", "loglake-report");
        Path dockerfile = REPOSITORY.resolve("cli/docker/Dockerfile");
        CliImage image = CliImage.read(Files.readString(dockerfile), dockerfile);
        CronJobProcess.Local local = RehearsalCronJobs.local(
                REPOSITORY,
                own.stack(),
                lake.lake(),
                own.testStack().s3Config(),
                own.stack().config().ports().trino(),
                secrets().loglakePassword(),
                own.stack().layout().root().resolve("cronjobs"));
        Map<String, CronJobProcess.Run> runs = new LinkedHashMap<>();
        for (CronJobContainer job : jobs) {
            assertThat(job.image()).as("%s's image", job.name()).isEqualTo(RehearsalCronJobs.LOCAL_CLI_IMAGE);
            long started = System.nanoTime();
            CronJobProcess.Run run = CronJobProcess.run(image, job, local);
            System.out.printf(
                    "%s exited with %d after %d s%n",
                    job.name(), run.exitCode(), (System.nanoTime() - started) / 1_000_000_000L);
            assertThat(run.exitCode())
                    .as("exit code of %s; stdout:%n%s%nstderr:%n%s", job.name(), run.stdout(), run.stderr())
                    .isZero();
            assertThat(run.imageWorkdir())
                    .as("%s wrote into the image's WORKDIR, read-only in the pod", job.name())
                    .isEmptyDirectory();
            runs.put(job.name(), run);
        }
        Manifest generated = manifestOf(runs.get("loglake-generate"));
        assertThat(generated.eventDates()).as("days generate wrote").containsOnlyKeys(today.toString());
        assertThat(generated.run().eventsPerDay())
                .as("generate's volume, from the ConfigMap")
                .isEqualTo(RehearsalCronJobs.GENERATE_EVENTS_PER_DAY);
        ManifestChecks.assertLakeMatches(lake, generated);
        try (S3Client s3 = own.testStack().newS3Client()) {
            NightlyReports.assertStored(
                    runs.get("loglake-report"),
                    s3,
                    lake.lake().reportsBucket(),
                    PeriodWindow.endedBefore(today).size());
        }
    }

    /**
     * Last, because it kills a worker. With the retry policy production's ConfigMap gives the transform
     * ({@code LOGLAKE_TRANSFORM_RETRY_POLICY=task}: Trino's fault-tolerant execution, its exchange in the folder every
     * node of this host shares, an S3 bucket on AWS), a worker SIGKILLed in the middle of the heaviest statement of
     * a backfill, the parse of every line into staging, costs that statement the tasks it ran on the worker, not its
     * result: the other worker runs them again, the transform completes and the lake equals the manifest. (Without
     * the policy the statement fails naming the lost worker, and a rerun repeats the day.)
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aWorkerKilledMidBackfillCostsTheStatementItsTasksNotItsResult() throws Exception {
        LocalDate first = DAY.plusDays(1);
        Manifest backfill = lake.generate(first, 2, 20_000, 0.01, 0.003);
        TransformFixture production = new TransformFixture(
                own.testStack(),
                "rehearsal",
                Map.of(LakeConfig.SCHEMA_PREFIX, "", TransformConfig.RETRY_POLICY, productionRetryPolicy()));
        CompletableFuture<TransformSummary> run =
                CompletableFuture.supplyAsync(() -> production.transform(TransformRequest.pending()));
        awaitRunningWrite("parsed_lines", run);
        own.stack().kill(TrinoWorkerComponent.name(1));

        TransformSummary summary = run.get(10, TimeUnit.MINUTES);

        assertThat(summary.arrivalDays()).contains(first, first.plusDays(1));
        for (LocalDate day : List.of(first, first.plusDays(1))) {
            ManifestChecks.assertDayMatches(
                    lake, day.toString(), backfill.eventDates().get(day.toString()));
        }
    }

    /** What terraform/cluster-config's loglake-config ConfigMap sets as the transform's retry policy. */
    private String productionRetryPolicy() throws IOException {
        String mainTf = Files.readString(REPOSITORY.resolve("terraform/cluster-config/main.tf"));
        Matcher value = Pattern.compile("(?m)^\\s*LOGLAKE_TRANSFORM_RETRY_POLICY\\s*=\\s*\"([a-z]+)\"")
                .matcher(mainTf);
        assertThat(value.find())
                .as("LOGLAKE_TRANSFORM_RETRY_POLICY in terraform/cluster-config's ConfigMap")
                .isTrue();
        return value.group(1);
    }

    /** The manifest generate names in its output ("Manifest: s3://bucket/key"), from the lake's raw bucket. */
    private Manifest manifestOf(CronJobProcess.Run generate) {
        Matcher named = Pattern.compile("Manifest: s3://([^/]+)/(\\S+)").matcher(generate.stdout());
        assertThat(named.find())
                .as("the manifest in generate's output: %s", generate.stdout())
                .isTrue();
        assertThat(named.group(1))
                .as("the bucket generate wrote to")
                .isEqualTo(lake.lake().rawBucket());
        try (S3Client s3 = own.testStack().newS3Client()) {
            return ManifestJson.read(s3, named.group(1), named.group(2));
        }
    }

    /** Polls Trino's query list until a statement writing {@code table} runs (or the run has ended). */
    private void awaitRunningWrite(String table, CompletableFuture<?> run) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && !run.isDone()) {
            if (lake.single("SELECT count(*) FROM system.runtime.queries WHERE state = 'RUNNING' AND query LIKE '%"
                            + table + "%' AND query NOT LIKE '%system.runtime%'")
                    > 0) {
                return;
            }
        }
        throw new AssertionError("No running write to " + table + " was seen; the run "
                + (run.isDone() ? "ended first" : "never got there"));
    }

    private TrinoSecrets secrets() {
        return own.stack().trinoSecrets();
    }

    /** As DBeaver connects: the JDBC URL with SSL=true and the certificate as trust store, a user and password. */
    private Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(own.testStack().settings().get(TrinoConfig.URL), properties);
    }

    private static void assertDenied(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql))
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access Denied");
    }
}
