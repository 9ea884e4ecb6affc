package dev.loglake.stack.component;

import dev.loglake.core.LoglakeException;

/** The error for a component that did not start: its name, what happened, its log's path and last lines. */
final class StartFailure {
    private static final int LOG_LINES = 25;

    private StartFailure() {}

    static LoglakeException of(Component component, String what) {
        String tail =
                String.join(System.lineSeparator() + "    ", component.files().logTail(LOG_LINES));
        return LoglakeException.external(
                "%s did not start: %s.%nLast lines of its log %s:%n    %s",
                component.name(), what, component.files().logFile(), tail);
    }
}
