package dev.loglake.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stack reset} deletes a whole directory: only one that is recognisably a stack's. */
class TestStackReset {
    @TempDir
    Path directory;

    @Test
    void aDirectoryWithFilesTheStackDoesNotWriteIsRefusedAndKept() throws IOException {
        Path home = directory.resolve("home");
        Files.createDirectories(home.resolve("Documents"));
        Files.writeString(home.resolve("thesis.tex"), "years of work");
        // a stack was once started here by mistake: its files do not make the user's files its own
        LocalCredentials.loadOrCreate(new StackLayout(home).credentials());

        assertThatThrownBy(() -> stack(home).reset())
                .isInstanceOfSatisfying(
                        LoglakeException.class, e -> assertThat(e.kind()).isEqualTo(LoglakeException.Kind.USER))
                .hasMessageStartingWith("Refusing to reset " + home
                        + ": it holds entries a loglake stack does not write: Documents, thesis.tex.")
                .hasMessageContaining("Check stack.data-dir");
        assertThat(home.resolve("thesis.tex")).hasContent("years of work");
        assertThat(home.resolve("Documents")).isDirectory();
    }

    @Test
    void aDirectoryWithoutTheStacksCredentialsIsRefused() throws IOException {
        Path logsOnly = directory.resolve("stack");
        Files.createDirectories(logsOnly.resolve("logs"));
        Files.writeString(logsOnly.resolve("logs").resolve("app.log"), "someone else's log");

        assertThatThrownBy(() -> stack(logsOnly).reset())
                .hasMessageContaining("Refusing to reset " + logsOnly)
                .hasMessageContaining("it has neither secrets/credentials.properties nor connection.properties");
        assertThat(logsOnly.resolve("logs").resolve("app.log")).exists();

        Path file = Files.writeString(directory.resolve("notes.txt"), "notes");
        assertThatThrownBy(() -> stack(file).reset()).hasMessageContaining("it is not a directory");
        assertThat(file).exists();
    }

    @Test
    void aStacksOwnDataDirectoryAnEmptyOneAndAMissingOneAreReset() throws IOException {
        Path stackData = directory.resolve("stack");
        StackLayout layout = new StackLayout(stackData);
        LocalCredentials.loadOrCreate(layout.credentials());
        Files.createDirectories(layout.logs());
        Files.writeString(layout.logs().resolve("trino.log"), "started");
        Files.createDirectories(layout.s3Data().resolve("loglake-raw"));
        Files.writeString(layout.connectionFile(), "trino.url=jdbc:trino://127.0.0.1:1\n");

        stack(stackData).reset();
        assertThat(stackData).doesNotExist();

        Path empty = Files.createDirectories(directory.resolve("empty"));
        stack(empty).reset();
        assertThat(empty).doesNotExist();

        stack(directory.resolve("missing")).reset();
    }

    @Test
    void everyPathOfTheLayoutIsAnEntryTheStackWrites() {
        StackLayout layout = new StackLayout(directory);
        for (Path path : new Path[] {
            layout.logs(),
            layout.processFiles("trino").pidFile(),
            layout.postgresData(),
            layout.metastoreConf(),
            layout.s3Data(),
            layout.s3ProxyProperties(),
            layout.trinoEtc(),
            layout.trinoData(),
            layout.credentials(),
            layout.connectionFile()
        }) {
            assertThat(StackLayout.TOP_LEVEL_ENTRIES)
                    .contains(directory.relativize(path).getName(0).toString());
        }
    }

    private static LocalStack stack(Path dataDirectory) {
        Settings settings = Settings.defaults().with(Map.of(StackConfig.DATA_DIR, dataDirectory.toString()), "test");
        return new LocalStack(StackConfig.from(settings), LakeConfig.from(settings));
    }
}
