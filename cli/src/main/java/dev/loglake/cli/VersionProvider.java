package dev.loglake.cli;

import dev.loglake.stack.ComponentVersions;
import picocli.CommandLine.IVersionProvider;

/** {@code loglake --version}: loglake's own version and the versions of the components it runs with. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        ComponentVersions versions = ComponentVersions.load();
        return new String[] {
            "loglake " + versions.loglake(),
            "Trino " + versions.trino() + ", Hive Metastore " + versions.hiveMetastore() + ", PostgreSQL "
                    + versions.postgresql() + ", s3proxy " + versions.s3proxy(),
            "JVM " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
