package dev.loglake.stack.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.stack.process.ProcessFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMetastoreComponent {
    private static final String SITE = "<configuration><property><name>javax.jdo.option.ConnectionPassword</name>"
            + "<value>secret</value></property></configuration>";

    @TempDir
    Path directory;

    @Test
    void theRenderedConfigurationHoldingPasswordsIsReadableByItsOwnerOnly() throws IOException {
        MetastoreComponent metastore = metastore();

        metastore.configure(SITE);

        assertThat(siteFile()).hasContent(SITE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(siteFile())))
                .isEqualTo("rw-------");
        assertThat(siteFile().resolveSibling("metastore-site.xml.tmp")).doesNotExist();
    }

    @Test
    void aConfigurationAnOlderVersionLeftReadableByOthersIsReplacedByAnOwnerOnlyOne() throws IOException {
        MetastoreComponent metastore = metastore();
        Files.createDirectories(siteFile().getParent());
        Files.writeString(siteFile(), "old");
        Files.setPosixFilePermissions(siteFile(), PosixFilePermissions.fromString("rw-r--r--"));

        metastore.configure(SITE);

        assertThat(siteFile()).hasContent(SITE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(siteFile())))
                .isEqualTo("rw-------");
    }

    private Path siteFile() {
        return directory.resolve("metastore").resolve("conf").resolve("metastore-site.xml");
    }

    private MetastoreComponent metastore() {
        PostgresComponent postgres = new PostgresComponent(
                directory.resolve("pg-install"),
                directory.resolve("postgres").resolve("data"),
                1,
                "pw",
                new ProcessFiles(directory.resolve("run/postgres.pid"), directory.resolve("logs/postgres.log")));
        return new MetastoreComponent(
                directory.resolve("metastore-install"),
                directory.resolve("metastore").resolve("conf"),
                directory.resolve("java"),
                2,
                postgres,
                new ProcessFiles(directory.resolve("run/metastore.pid"), directory.resolve("logs/metastore.log")),
                Optional.empty());
    }
}
