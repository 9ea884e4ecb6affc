package dev.loglake.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestJavaRuntimes {
    @Test
    void readsTheMajorVersionOfTheRunningJdk() {
        assertThat(JavaRuntimes.majorVersion(JavaRuntimes.current()))
                .hasValue(Runtime.version().feature());
    }

    @Test
    void aConfiguredJdkThatIsTooOldIsRejectedWithTheKeyToChange() {
        int tooNew = Runtime.version().feature() + 100;

        assertThatThrownBy(() -> JavaRuntimes.require(
                        Optional.of(JavaRuntimes.current()), tooNew, "Trino 476", "stack.trino-java-home"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Trino 476 needs Java " + tooNew + " or newer")
                .hasMessageContaining("is Java " + Runtime.version().feature())
                .hasMessageContaining("stack.trino-java-home");
    }

    @Test
    void aFolderThatIsNoJdkIsNamed() {
        assertThatThrownBy(() -> JavaRuntimes.require(Optional.of(Path.of("/nonexistent")), 17, "X", "key"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("/nonexistent")
                .hasMessageContaining("not a JDK");
    }

    @Test
    void noJdkRecentEnoughAnywhereIsAClearError() {
        assertThatThrownBy(() -> JavaRuntimes.require(Optional.empty(), 999, "Trino", "stack.trino-java-home"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("needs Java 999 or newer, and none was found");
    }
}
