package dev.loglake.stack.component;

import static java.util.Objects.requireNonNull;

import dev.loglake.stack.process.Daemons;
import dev.loglake.stack.process.ProcessFiles;
import java.time.Duration;

/** What every server of the stack has: a name users see, a loopback port, and its pid and log files. */
abstract class ServerComponent implements Component {
    private final String name;
    private final int port;
    private final ProcessFiles files;

    ServerComponent(String name, int port, ProcessFiles files) {
        this.name = requireNonNull(name, "name is null");
        this.port = port;
        this.files = requireNonNull(files, "files is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int port() {
        return port;
    }

    @Override
    public final ProcessFiles files() {
        return files;
    }

    /** SIGTERM, then SIGKILL if the server ignores it for {@code grace}; forgets the pid either way. */
    final void stopProcess(Duration grace) {
        process().ifPresent(server -> Daemons.stop(server, grace));
        files.deletePid();
    }
}
