package dev.loglake.cli;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.Unreachable;
import dev.loglake.core.config.Settings;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line on stderr and the documented exit codes. A stack trace is printed
 * only for bugs (or with LOGLAKE_DEBUG-style verbosity through {@code --verbose} later), never for
 * a user's mistake or an outside system being down.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    static final int RUNTIME_FAILURE = 1;
    static final int USAGE_ERROR = 2;

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        // A server that does not answer is told the same way by every command, wherever the client met it.
        Optional<LoglakeException> unreachable = exception instanceof LoglakeException failure
                        && failure.kind() == LoglakeException.Kind.USER
                ? Optional.empty()
                : settings(commandLine.getCommandSpec()).flatMap(settings -> Unreachable.explain(exception, settings));
        if (unreachable.isPresent()) {
            err.println(commandLine
                    .getColorScheme()
                    .errorText("error: " + unreachable.get().getMessage()));
            return RUNTIME_FAILURE;
        }
        if (exception instanceof LoglakeException failure) {
            err.println(commandLine.getColorScheme().errorText("error: " + failure.getMessage()));
            if (failure.kind() == LoglakeException.Kind.INTERNAL) {
                failure.printStackTrace(err);
            }
            return failure.kind() == LoglakeException.Kind.USER ? USAGE_ERROR : RUNTIME_FAILURE;
        }
        err.println(commandLine.getColorScheme().errorText("internal error (a bug in loglake, please report it):"));
        exception.printStackTrace(err);
        return RUNTIME_FAILURE;
    }

    /** The settings the command resolved, from its {@link ConfigOptions} (possibly inside another mixin). */
    private static Optional<Settings> settings(CommandSpec spec) {
        if (spec.userObject() instanceof ConfigOptions options
                && options.resolved().isPresent()) {
            return options.resolved();
        }
        for (CommandSpec mixin : spec.mixins().values()) {
            Optional<Settings> settings = settings(mixin);
            if (settings.isPresent()) {
                return settings;
            }
        }
        return Optional.empty();
    }
}
