package dev.loglake.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code loglake demo}: the main job on the local stack, from nothing to a result. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start the local stack and run the pipeline on it.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
