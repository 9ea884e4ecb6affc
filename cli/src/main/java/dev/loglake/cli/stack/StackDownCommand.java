package dev.loglake.cli.stack;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = "Stop every component of the local stack, leaving no process behind. Data is kept.")
final class StackDownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions options;

    @Override
    public Integer call() {
        var stack = options.stack();
        stack.down();
        spec.commandLine()
                .getOut()
                .println("The local stack in " + stack.layout().root() + " is stopped.");
        return 0;
    }
}
