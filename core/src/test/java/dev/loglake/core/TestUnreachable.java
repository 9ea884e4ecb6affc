package dev.loglake.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.core.config.Settings;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class TestUnreachable {
    private static final Settings SETTINGS = Settings.defaults()
            .with(Map.of("s3.endpoint", "http://127.0.0.1:9", "trino.url", "jdbc:trino://127.0.0.1:8"), "a test");

    @Test
    void aRefusedConnectionOfTheS3ClientNamesS3ItsEndpointAndTheStack() {
        Throwable failure = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connect to 127.0.0.1:9 failed: Connection refused")
                .cause(new ConnectException("Connection refused"))
                .build();

        assertThat(Unreachable.explain(new IllegalStateException("wrapped", failure), SETTINGS))
                .hasValueSatisfying(e -> {
                    assertThat(e.kind()).isEqualTo(LoglakeException.Kind.EXTERNAL);
                    assertThat(e.getMessage())
                            .isEqualTo("Cannot reach S3 at http://127.0.0.1:9 (s3.endpoint from a test): Connection"
                                    + " refused. Start the local stack with './loglake stack up', or set s3.endpoint to"
                                    + " a running server.");
                });
    }

    @Test
    void aRefusedConnectionOfTheTrinoDriverNamesTrinoItsUrlAndTheStack() {
        Throwable failure = LoglakeException.external(
                "staging/parsed_lines.sql failed",
                new SQLException(
                        "Error executing query: Failed to connect", new ConnectException("Failed to connect")));

        assertThat(Unreachable.explain(failure, SETTINGS)).hasValueSatisfying(e -> assertThat(e.getMessage())
                .startsWith("Cannot reach Trino at jdbc:trino://127.0.0.1:8 (trino.url from a test): Failed to"
                        + " connect. Start the local stack with './loglake stack up'"));
    }

    @Test
    void otherFailuresKeepTheirOwnMessage() {
        assertThat(Unreachable.explain(new SQLException("line 1:8: Column 'x' cannot be resolved"), SETTINGS))
                .isEmpty();
        assertThat(Unreachable.explain(SdkClientException.create("Unable to load credentials"), SETTINGS))
                .isEmpty();
        assertThat(Unreachable.explain(new IllegalStateException("a bug", new ConnectException("x")), SETTINGS))
                .isEmpty();
    }
}
