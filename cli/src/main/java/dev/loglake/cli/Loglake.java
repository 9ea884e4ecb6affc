package dev.loglake.cli;

import dev.loglake.cli.bench.BenchCommand;
import dev.loglake.cli.catalog.CatalogCommand;
import dev.loglake.cli.generate.GenerateCommand;
import dev.loglake.cli.generate.IngestCommand;
import dev.loglake.cli.report.ReportCommand;
import dev.loglake.cli.schedule.ScheduleCommand;
import dev.loglake.cli.source.SourceCommand;
import dev.loglake.cli.stack.StackCommand;
import dev.loglake.cli.transform.TransformCommand;
import dev.loglake.core.config.SettingsLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code loglake} command. Each subcommand lives in its own class; this one only wires them. */
@Command(
        name = "loglake",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Web-log analytics lake: raw access logs on S3, Parquet tables by Trino, executive reports.",
        subcommands = {
            StackCommand.class,
            GenerateCommand.class,
            IngestCommand.class,
            SourceCommand.class,
            TransformCommand.class,
            ReportCommand.class,
            ScheduleCommand.class,
            ConfigCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            CatalogCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Loglake implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command. Run 'loglake --help' to see the commands.");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: 0 success, 1 runtime failure, 2 usage error. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * What the command line would do in a process with this environment (LOGLAKE_* variables) and working directory,
     * at the clock's time, without running it: a usage error is a {@link CommandLine.ParameterException} and a
     * configuration error the {@link dev.loglake.core.LoglakeException} a run would fail with.
     *
     * @throws IllegalArgumentException if the command cannot plan (it is not one that jobs run)
     */
    public static CommandPlan plan(
            Map<String, String> environment, Path workingDirectory, Clock clock, String... args) {
        CommandLine.ParseResult parsed = newCommandLine().parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        CommandSpec command = parsed.commandSpec();
        if (!(command.userObject() instanceof CommandPlan.Plannable plannable)) {
            throw new IllegalArgumentException("'" + command.qualifiedName() + "' cannot plan a run: only the"
                    + " commands the scheduled jobs run (generate, transform, report) can");
        }
        CommandSpec config = command.mixins().get("config");
        if (config == null || !(config.userObject() instanceof ConfigOptions options)) {
            throw new IllegalStateException(command.qualifiedName() + " has no ConfigOptions mixin named 'config'");
        }
        options.useLoader(new SettingsLoader(environment, workingDirectory));
        return plannable.plan(clock);
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Loglake());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine;
    }
}
