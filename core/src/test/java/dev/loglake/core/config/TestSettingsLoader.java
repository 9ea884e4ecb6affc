package dev.loglake.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSettingsLoader {
    @TempDir
    Path directory;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        Settings settings = loader(Map.of()).load(Optional.empty(), Map.of());

        assertThat(settings.get(TrinoConfig.URL)).isEqualTo("jdbc:trino://127.0.0.1:18080");
        assertThat(settings.source(TrinoConfig.URL)).isEqualTo("default");
        assertThat(LakeConfig.from(settings).rawBucket()).isEqualTo("loglake-raw");
    }

    @Test
    void layersOverrideInOrderStackFileEnvironmentFlag() throws IOException {
        Path stack = directory.resolve("stack");
        Files.createDirectories(stack);
        Files.writeString(
                stack.resolve(SettingsLoader.CONNECTION_FILE),
                "trino.url=jdbc:trino://127.0.0.1:1\ns3.region=eu-west-1\ntrino.user=from-stack\nlake.raw-bucket=stack-raw\n");
        Path file = directory.resolve("loglake.properties");
        Files.writeString(file, "trino.url=jdbc:trino://127.0.0.1:2\ns3.region=eu-west-2\n");
        Map<String, String> environment = Map.of(
                "LOGLAKE_STACK_DATA_DIR", stack.toString(),
                "LOGLAKE_TRINO_URL", "jdbc:trino://127.0.0.1:3",
                "LOGLAKE_TRINO_USER", "from-env");

        Settings settings =
                loader(environment).load(Optional.of(file), Map.of(TrinoConfig.URL, "jdbc:trino://127.0.0.1:4"));

        assertThat(settings.get(TrinoConfig.URL)).isEqualTo("jdbc:trino://127.0.0.1:4");
        assertThat(settings.source(TrinoConfig.URL)).isEqualTo("command-line flag");
        assertThat(settings.get(TrinoConfig.USER)).isEqualTo("from-env");
        assertThat(settings.get(S3Config.REGION)).isEqualTo("eu-west-2");
        assertThat(settings.get(LakeConfig.RAW_BUCKET)).isEqualTo("stack-raw");
        assertThat(settings.source(LakeConfig.RAW_BUCKET)).startsWith("local stack ");
    }

    @Test
    void aConfigFileInTheWorkingDirectoryIsReadWithoutFlags() throws IOException {
        Files.writeString(directory.resolve(SettingsLoader.DEFAULT_CONFIG_FILE), "trino.user=analyst\n");

        Settings settings = loader(Map.of()).load(Optional.empty(), Map.of());

        assertThat(settings.get(TrinoConfig.USER)).isEqualTo("analyst");
    }

    @Test
    void anUnknownKeyInAFileIsNamedWithASuggestion() throws IOException {
        Path file = directory.resolve("bad.properties");
        Files.writeString(file, "s3.acess-key=abc\n");

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file), Map.of()))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Unknown configuration key 's3.acess-key'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Did you mean 's3.access-key'?")
                .extracting(error -> ((LoglakeException) error).kind())
                .isEqualTo(LoglakeException.Kind.USER);
    }

    @Test
    void anUnknownEnvironmentVariableIsNamed() {
        assertThatThrownBy(() -> loader(Map.of("LOGLAKE_TRINO_URI", "x")).load(Optional.empty(), Map.of()))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Unknown environment variable LOGLAKE_TRINO_URI")
                .hasMessageContaining("Did you mean 'trino.url'?");
    }

    @Test
    void launcherVariablesAreNotConfigurationKeys() {
        Settings settings = loader(Map.of("LOGLAKE_JAVA_OPTS", "-Xmx1g", "LOGLAKE_SKIP_BUILD", "1"))
                .load(Optional.empty(), Map.of());

        assertThat(settings.get(TrinoConfig.USER)).isEqualTo("loglake");
    }

    @Test
    void anUnknownFlagKeyIsNamed() {
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.empty(), Map.of("trino.catalogue", "x")))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("Unknown configuration key 'trino.catalogue' in command-line flag");
    }

    @Test
    void aMissingExplicitConfigFileIsAnError() {
        Path missing = directory.resolve("missing.properties");

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(missing), Map.of()))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void everyKeyMapsToItsEnvironmentVariable() {
        assertThat(ConfigRegistry.find(S3Config.ACCESS_KEY).orElseThrow().environmentVariable())
                .isEqualTo("LOGLAKE_S3_ACCESS_KEY");
        assertThat(ConfigRegistry.all()).allSatisfy(property -> assertThat(
                        ConfigRegistry.findByEnvironmentVariable(property.environmentVariable()))
                .contains(property));
    }

    private SettingsLoader loader(Map<String, String> environment) {
        Map<String, String> withIsolatedStack = new java.util.HashMap<>(environment);
        withIsolatedStack.putIfAbsent(
                "LOGLAKE_STACK_DATA_DIR", directory.resolve("no-stack").toString());
        return new SettingsLoader(withIsolatedStack, directory);
    }
}
