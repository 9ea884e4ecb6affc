package dev.loglake.it.lease;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import dev.loglake.core.lease.HeldLease;
import dev.loglake.core.lease.WriterLease;
import dev.loglake.core.s3.S3Clients;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A process that takes a lake's writer lease and keeps it (renewing it) until it is killed: the holder that
 * {@link TestWriterLease} kills with SIGKILL. Arguments: the run id, then {@code key=value} settings.
 */
public final class LeaseHolderProcess {
    /** The line printed once the lease is held; the test waits for it. */
    static final String HELD = "lease held by ";

    private LeaseHolderProcess() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            values.put(pair[0], pair[1]);
        }
        Settings settings = Settings.defaults().with(values, "arguments");
        S3Client s3 = S3Clients.create(S3Config.from(settings));
        HeldLease lease = WriterLease.acquire(s3, LakeConfig.from(settings), LeaseConfig.from(settings), args[0]);
        System.out.println(HELD + lease.holder().runId());
        System.out.flush();
        // Holds until killed, or until the test closes stdin (then it gives the lease up as a run would).
        while (System.in.read() >= 0) {
            // ignore input
        }
        lease.close();
        s3.close();
    }
}
