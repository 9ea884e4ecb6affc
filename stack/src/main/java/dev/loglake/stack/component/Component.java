package dev.loglake.stack.component;

import dev.loglake.stack.process.ProcessFiles;
import java.util.Optional;

/** One server of the local stack. Implementations start it, probe it and stop it. */
public interface Component {
    /** The name users see in messages, for example "Hive Metastore". */
    String name();

    int port();

    ProcessFiles files();

    /** Starts the server and returns once its health check passes; fails with the log's last lines. */
    void start();

    /** A quick probe of the running server: does it answer on its port the way it should. */
    boolean isHealthy();

    /** Stops the server cleanly (no process left behind). */
    void stop();

    /** The live process, if the pid file names one. */
    default Optional<ProcessHandle> process() {
        return files().liveProcess();
    }
}
