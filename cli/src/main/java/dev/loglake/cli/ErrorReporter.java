package dev.loglake.cli;

import dev.loglake.core.LoglakeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
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
}
