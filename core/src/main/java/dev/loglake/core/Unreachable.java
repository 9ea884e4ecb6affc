package dev.loglake.core;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.TrinoConfig;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A server loglake talks to that does not answer, told the same way by every command: the component, its
 * endpoint and where that came from, and how to start it. The one place that recognises such a failure, so that
 * a command that meets it deep inside a library still says "S3 at ... is not answering" instead of showing a
 * stack trace.
 */
public final class Unreachable {
    private static final String START_LOCAL_STACK = "Start the local stack with './loglake stack up'";

    private Unreachable() {}

    /** "http://127.0.0.1:19000 (s3.endpoint from ...)" or "AWS S3 (region us-east-1)". */
    public static String describeS3(Settings settings) {
        S3Config config = S3Config.from(settings);
        return config.endpoint()
                .map(uri -> uri + " (" + S3Config.ENDPOINT + " from " + settings.source(S3Config.ENDPOINT) + ")")
                .orElse("AWS S3 (region " + config.region() + ")");
    }

    /** "jdbc:trino://127.0.0.1:18080 (trino.url from ...)". */
    public static String describeTrino(Settings settings) {
        return TrinoConfig.from(settings).jdbcUrl() + " (" + TrinoConfig.URL + " from "
                + settings.source(TrinoConfig.URL) + ")";
    }

    /** S3 could not be reached: {@code failure} is the client's error. */
    public static LoglakeException s3(Settings settings, Throwable failure) {
        return LoglakeException.external(
                "Cannot reach S3 at " + describeS3(settings) + ": " + rootMessage(failure) + ". " + START_LOCAL_STACK
                        + ", or set " + S3Config.ENDPOINT + " to a running server.",
                failure);
    }

    /** Trino could not be reached: {@code failure} is the driver's error. */
    public static LoglakeException trino(Settings settings, Throwable failure) {
        return LoglakeException.external(
                "Cannot reach Trino at " + describeTrino(settings) + ": " + rootMessage(failure) + ". "
                        + START_LOCAL_STACK + ", or set " + TrinoConfig.URL + " to a running coordinator.",
                failure);
    }

    /**
     * The failure told as a server that does not answer, if that is what it is: a connection refused, an unknown
     * host or no route, met by the S3 client or by the Trino driver. Empty for anything else (a refused request,
     * a failed query), which keeps its own message.
     */
    public static Optional<LoglakeException> explain(Throwable failure, Settings settings) {
        requireNonNull(settings, "settings is null");
        boolean connection = false;
        boolean s3 = false;
        boolean trino = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            connection |= cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException;
            s3 |= cause instanceof SdkClientException;
            trino |= cause instanceof SQLException;
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (!connection) {
            return Optional.empty();
        }
        if (s3) {
            return Optional.of(s3(settings, failure));
        }
        if (trino) {
            return Optional.of(trino(settings, failure));
        }
        return Optional.empty();
    }

    /** The innermost message: the SDK and the driver wrap "Connection refused" in several layers of text. */
    private static String rootMessage(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return message;
    }
}
