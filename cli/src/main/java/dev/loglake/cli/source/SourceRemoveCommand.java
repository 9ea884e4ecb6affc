package dev.loglake.cli.source;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.lake.LakeClients;
import dev.loglake.lake.source.InPlaceSource;
import dev.loglake.lake.source.SourceRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = "Stop reading a source. Its logs are not touched, and the days already loaded stay in the lake.")
public final class SourceRemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "NAME", description = "The source's name.")
    String name;

    @Override
    public Integer call() {
        LakeClients clients = LakeClients.from(config.settings());
        try (S3Client s3 = clients.s3()) {
            InPlaceSource removed = new SourceRegistry(s3, clients.lake().rawBucket()).remove(name);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Removed source %s; its logs at %s are untouched, and its days already loaded stay in the"
                                    + " lake.%n",
                            removed.name(), removed.location());
        }
        return 0;
    }
}
