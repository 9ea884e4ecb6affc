package dev.loglake.generator.generate;

/** Thrown inside a worker when the run was cancelled (Ctrl-C); the hour stays incomplete. */
final class RunCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunCancelledException() {
        super("cancelled", null, false, false);
    }
}
