package dev.loglake.cli;

import dev.loglake.cli.bench.BenchCommand;
import dev.loglake.cli.generate.GenerateCommand;
import dev.loglake.cli.generate.IngestCommand;
import dev.loglake.cli.report.ReportCommand;
import dev.loglake.cli.schedule.ScheduleCommand;
import dev.loglake.cli.stack.StackCommand;
import dev.loglake.cli.transform.TransformCommand;
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
            TransformCommand.class,
            ReportCommand.class,
            ScheduleCommand.class,
            ConfigCommand.class,
            DemoCommand.class,
            BenchCommand.class,
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

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Loglake());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine;
    }
}
