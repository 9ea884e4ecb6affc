package dev.loglake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code loglake catalog add}'s inputs are checked before anything connects: a bad one is a usage error (exit code 2)
 * that names it. No Trino runs here; the port of trino.url is closed, so a command that got past its checks would
 * fail with exit code 1 instead.
 */
class TestCatalogCommand {
    private static final String CLOSED_TRINO = "trino.url=jdbc:trino://127.0.0.1:9";

    @Test
    void anInvalidNameIsAUsageErrorThatNamesIt() {
        Result result = add("Shop-1", "jdbc:postgresql://127.0.0.1:5432/shop", "SHOP_DB_PASSWORD");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid catalog name 'Shop-1'").contains("lower-case SQL identifier");
    }

    @Test
    void aUrlOfAnotherDatabaseIsAUsageError() {
        Result result = add("shop", "jdbc:mysql://127.0.0.1:3306/shop", "SHOP_DB_PASSWORD");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid --url 'jdbc:mysql://127.0.0.1:3306/shop'");
    }

    @Test
    void aLoglakeVariableCannotHoldThePassword() {
        Result result = add("shop", "jdbc:postgresql://127.0.0.1:5432/shop", "LOGLAKE_SHOP_PASSWORD");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("LOGLAKE_* variables are loglake's configuration keys");
    }

    private static Result add(String name, String url, String variable) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var commandLine = Loglake.newCommandLine();
        commandLine.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int exitCode = commandLine.execute(
                "catalog",
                "add",
                name,
                "--connector",
                "postgresql",
                "--url",
                url,
                "--user",
                "shop",
                "--password-env",
                variable,
                "--set",
                CLOSED_TRINO);
        return new Result(exitCode, err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String err) {}
}
