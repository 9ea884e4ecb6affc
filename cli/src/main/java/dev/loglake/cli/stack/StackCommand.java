package dev.loglake.cli.stack;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loglake stack up|down|status|reset}: the local stack of real components on 127.0.0.1. */
@Command(
        name = "stack",
        mixinStandardHelpOptions = true,
        description =
                "Run the local stack: PostgreSQL, Hive Metastore, an S3 server and Trino on 127.0.0.1, no Docker.",
        subcommands = {StackUpCommand.class, StackDownCommand.class, StackStatusCommand.class, StackResetCommand.class})
public final class StackCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
