package dev.loglake.lake.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TestCoordinatorUri {
    @Test
    void plainUrlIsProbedOverHttpOnItsPort() {
        assertThat(TrinoSession.coordinatorUri("jdbc:trino://127.0.0.1:8080/hive"))
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    /** The AWS URL of k8s/config/loglake-config.yaml: TLS ends at the load balancer on 443. */
    @Test
    void sslUrlIsProbedOverHttps() {
        assertThat(TrinoSession.coordinatorUri("jdbc:trino://trino.example.com:443?SSL=true"))
                .isEqualTo(URI.create("https://trino.example.com:443"));
        assertThat(TrinoSession.coordinatorUri("jdbc:trino://127.0.0.1:8443/hive?SSLVerification=NONE&SSL=TRUE&user=x"))
                .isEqualTo(URI.create("https://127.0.0.1:8443"));
    }

    @Test
    void sslFalseOrAnotherParameterStaysHttp() {
        assertThat(TrinoSession.coordinatorUri("jdbc:trino://host:8080?SSL=false"))
                .isEqualTo(URI.create("http://host:8080"));
        assertThat(TrinoSession.coordinatorUri("jdbc:trino://host:8080?SSLVerification=true"))
                .isEqualTo(URI.create("http://host:8080"));
    }

    @Test
    void missingPortIsTheDriversDefault() {
        assertThat(TrinoSession.coordinatorUri("jdbc:trino://trino.example.com?SSL=true"))
                .isEqualTo(URI.create("https://trino.example.com:443"));
        assertThat(TrinoSession.coordinatorUri("jdbc:trino://trino.example.com/hive"))
                .isEqualTo(URI.create("http://trino.example.com:80"));
    }

    @Test
    void urlOfAnotherDriverIsRejected() {
        assertThatThrownBy(() -> TrinoSession.coordinatorUri("jdbc:postgresql://host:5432/db"))
                .isInstanceOf(LoglakeException.class)
                .hasMessage(
                        "Invalid Trino JDBC URL 'jdbc:postgresql://host:5432/db': expected jdbc:trino://host:port/...");
    }
}
