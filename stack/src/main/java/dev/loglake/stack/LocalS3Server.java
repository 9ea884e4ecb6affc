package dev.loglake.stack;

import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import java.util.Optional;

/** Finds the process of the local stack's S3 server, when the configured S3 endpoint is that server. */
public final class LocalS3Server {
    private LocalS3Server() {}

    /**
     * The s3proxy of the local stack, if the S3 endpoint points at it and it runs; empty for any other S3 (its
     * CPU cannot be measured from here, so benchmarks leave it out rather than guess).
     */
    public static Optional<ProcessHandle> process(Settings settings) {
        StackConfig stack = StackConfig.from(settings);
        boolean local = S3Config.from(settings)
                .endpoint()
                .filter(uri -> "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()))
                .filter(uri -> uri.getPort() == stack.ports().s3())
                .isPresent();
        if (!local) {
            return Optional.empty();
        }
        return new StackLayout(stack.dataDirectory()).processFiles("s3proxy").liveProcess();
    }
}
