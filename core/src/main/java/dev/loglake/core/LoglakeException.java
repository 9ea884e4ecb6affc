package dev.loglake.core;

import static java.util.Objects.requireNonNull;

/**
 * A failure with a message written for the user, and whose fault it is. The command line maps {@link
 * Kind#USER} to exit code 2 (fix the input and retry) and the others to exit code 1.
 */
public final class LoglakeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whose fault a failure is, which decides the exit code and the advice the user gets. */
    public enum Kind {
        /** Bad input: a flag, a configuration key or value, a date. Nothing was changed. */
        USER,
        /** A system loglake depends on failed: S3, Trino, the metastore, a download, a process. */
        EXTERNAL,
        /** A bug in loglake. */
        INTERNAL
    }

    private final Kind kind;

    private LoglakeException(Kind kind, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public static LoglakeException user(String format, Object... args) {
        return new LoglakeException(Kind.USER, String.format(format, args), null);
    }

    public static LoglakeException external(String message, Throwable cause) {
        return new LoglakeException(Kind.EXTERNAL, message, cause);
    }

    public static LoglakeException external(String format, Object... args) {
        return new LoglakeException(Kind.EXTERNAL, String.format(format, args), null);
    }

    public static LoglakeException internal(String message, Throwable cause) {
        return new LoglakeException(Kind.INTERNAL, message, cause);
    }

    public Kind kind() {
        return kind;
    }
}
