package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/deploy-aws.md walks from an empty AWS account to DBeaver; nothing here can run its AWS commands, so this
 * checks that every name they use is real: each {@code terraform output} is declared by the root the command runs
 * in (the guide's {@code cd} commands are followed), each Terraform name in backticks is a variable, output,
 * argument or string value of a root, each CronJob a job is made from exists and has the container the guide's jq edits, each
 * path a build reads exists, and each report view the analyst is told to open is one the lake defines.
 */
class TestDeployAwsGuide {
    private static final String GUIDE = "docs/deploy-aws.md";
    private static final Pattern TERRAFORM_OUTPUT =
            Pattern.compile("terraform(?:\\s+-chdir=(\\S+))?\\s+output\\s+(?:-raw\\s+|-json\\s+)?([a-z0-9_]+)");
    private static final Pattern SNAKE_CASE_NAME = Pattern.compile("`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?:\\s*=[^`]*)?`");
    private static final Pattern CRONJOB = Pattern.compile("cronjob/([a-z0-9-]+)");
    private static final Pattern BUILD_INPUTS = Pattern.compile("docker buildx build .*?(?:-f (\\S+) .*)?\\s(\\S+)$");
    private static final Pattern REPORT_VIEW = Pattern.compile("hive\\.reports\\.([a-z_]+)");

    private final DeployGuide guide = DeployGuide.read(GUIDE);

    @Test
    void everyTerraformOutputTheGuideReadsIsDeclaredInTheRootItRunsIn() {
        int outputs = 0;
        for (DeployGuide.Command command : guide.commands()) {
            Matcher output = TERRAFORM_OUTPUT.matcher(command.line());
            while (output.find()) {
                Path root = output.group(1) == null
                        ? command.folder()
                        : command.folder().resolve(output.group(1)).normalize();
                assertThat(declaredNames(root, "output"))
                        .as("'%s' (run in %s) reads output %s", command.line(), relative(root), output.group(2))
                        .contains(output.group(2));
                outputs++;
            }
        }
        assertThat(outputs).as("terraform output commands in %s", GUIDE).isGreaterThan(5);
    }

    @Test
    void everyTerraformNameTheGuideMentionsExists() {
        Set<String> known = new HashSet<>(reportViews());
        String terraform = String.join(
                "\n",
                RepositoryFiles.find("terraform", ".tf").stream()
                        .map(RepositoryFiles::read)
                        .toList());
        Matcher name = SNAKE_CASE_NAME.matcher(guide.text());
        int names = 0;
        while (name.find()) {
            String identifier = name.group(1);
            boolean declared = known.contains(identifier)
                    || Pattern.compile("(?m)(?:variable|output) \"" + identifier + "\"|^\\s*" + identifier
                                    + "\\s*=|= \"" + identifier + "\"")
                            .matcher(terraform)
                            .find();
            assertThat(declared)
                    .as(
                            "%s names `%s`, which is no variable, output or argument in terraform/ and no report view",
                            GUIDE, identifier)
                    .isTrue();
            names++;
        }
        assertThat(names).isGreaterThan(10);
    }

    @Test
    void everyCronJobTheGuideStartsExistsWithTheContainerItsJqEdits() {
        List<CronJob> cronJobs = KubernetesManifests.all(CronJob.class);
        Matcher started = CRONJOB.matcher(guide.text());
        int jobs = 0;
        while (started.find()) {
            String name = started.group(1);
            CronJob cronJob = cronJobs.stream()
                    .filter(object -> name.equals(object.getMetadata().getName()))
                    .findFirst()
                    .orElse(null);
            assertThat(cronJob)
                    .as("%s creates a job from cronjob/%s, which k8s/ does not define", GUIDE, name)
                    .isNotNull();
            // kubectl create job --from=cronjob copies spec.jobTemplate.spec, so the guide's jq path
            // .spec.template.spec.containers[0].args is the CronJob's first container's args.
            List<Container> containers = cronJob.getSpec()
                    .getJobTemplate()
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers();
            assertThat(containers.get(0).getArgs())
                    .as("cronjob/%s's first container has args for the guide's jq to replace", name)
                    .isNotEmpty();
            jobs++;
        }
        assertThat(jobs).isGreaterThanOrEqualTo(3);
        assertThat(guide.text())
                .as("the guide's generate override keeps the command name the CronJob runs")
                .contains(".spec.template.spec.containers[0].args = [\"generate\",");
    }

    @Test
    void everyPathADockerBuildReadsExists() {
        int builds = 0;
        for (DeployGuide.Command command : guide.commands()) {
            Matcher build = BUILD_INPUTS.matcher(command.line());
            if (!build.find()) {
                continue;
            }
            if (build.group(1) != null) {
                assertThat(command.folder().resolve(build.group(1)))
                        .as("the Dockerfile of '%s'", command.line())
                        .isRegularFile();
            }
            assertThat(command.folder().resolve(build.group(2)))
                    .as("the build context of '%s' (run in %s)", command.line(), relative(command.folder()))
                    .isDirectory();
            builds++;
        }
        assertThat(builds).as("docker builds in %s", GUIDE).isEqualTo(2);
    }

    @Test
    void theReportViewsTheAnalystOpensAreTheLakes() {
        Matcher view = REPORT_VIEW.matcher(guide.text());
        int views = 0;
        while (view.find()) {
            assertThat(reportViews())
                    .as("%s queries hive.reports.%s", GUIDE, view.group(1))
                    .contains(view.group(1));
            views++;
        }
        assertThat(views).isPositive();
    }

    private static Set<String> declaredNames(Path root, String kind) {
        assertThat(root).as("terraform root").isDirectory();
        Set<String> names = new HashSet<>();
        Pattern declaration = Pattern.compile(kind + " \"([a-z0-9_]+)\"");
        try (var files = Files.list(root)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".tf")).toList()) {
                Matcher matcher = declaration.matcher(RepositoryFiles.read(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Set<String> reportViews() {
        Set<String> views = new HashSet<>();
        for (Path file : RepositoryFiles.find("sql/views", ".sql")) {
            views.add(file.getFileName().toString().replace(".sql", ""));
        }
        return views;
    }

    private static String relative(Path path) {
        return RepositoryFiles.relative(path);
    }
}
