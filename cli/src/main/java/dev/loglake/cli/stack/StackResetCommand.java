package dev.loglake.cli.stack;

import dev.loglake.core.LoglakeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = "Stop the local stack and delete all its data (tables, objects, metastore). Asks first.")
final class StackResetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions options;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        var stack = options.stack();
        var out = spec.commandLine().getOut();
        stack.requireOwnDataDirectory(); // before the question: a 'yes' must not be asked for in vain
        if (!yes) {
            out.print("Delete all data of the local stack in " + stack.layout().root() + "? Type 'yes' to confirm: ");
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).equals("yes")) {
                throw LoglakeException.user("Reset cancelled; nothing was deleted. Use --yes to skip the question.");
            }
        }
        stack.reset();
        out.println("The local stack in " + stack.layout().root() + " is stopped and its data deleted.");
        return 0;
    }
}
