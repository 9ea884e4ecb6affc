package dev.loglake.cli.source;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.lake.LakeClients;
import dev.loglake.lake.source.InPlaceSource;
import dev.loglake.lake.source.SourceRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the sources read in place.")
public final class SourceListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        LakeClients clients = LakeClients.from(config.settings());
        try (S3Client s3 = clients.s3()) {
            List<InPlaceSource> sources = new SourceRegistry(s3, clients.lake().rawBucket()).list();
            var out = spec.commandLine().getOut();
            if (sources.isEmpty()) {
                out.println("No source is read in place (add one with: loglake source add NAME --format F"
                        + " --location s3://BUCKET/PREFIX).");
            }
            for (InPlaceSource source : sources) {
                out.printf("%s\t%s\t%s%n", source.name(), source.format(), source.location());
            }
        }
        return 0;
    }
}
