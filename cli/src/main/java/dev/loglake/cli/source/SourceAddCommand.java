package dev.loglake.cli.source;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.lake.LakeClients;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.source.InPlaceSource;
import dev.loglake.lake.source.S3Location;
import dev.loglake.lake.source.SourceRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = "Add a source read in place. Checks the name, the format and that the location can be listed"
                + " before anything is written.")
public final class SourceAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(
            paramLabel = "NAME",
            description = "The source's name: its site in the lake (lower-case letters, digits, '.' and '-').")
    String name;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description = "The format its logs are in: alb, cloudfront, or a format of sql/staging/formats/.")
    String format;

    @Option(
            names = "--location",
            required = true,
            paramLabel = "s3://BUCKET/PREFIX",
            description = "Where the logs are: for alb the prefix above AWSLogs/, for cloudfront the prefix of its"
                    + " files, else the folder above dt=YYYY-MM-DD/ or yyyy/mm/dd/ folders.")
    String location;

    @Override
    public Integer call() {
        LakeClients clients = LakeClients.from(config.settings());
        InPlaceSource source = new InPlaceSource(name, format, S3Location.parse(location));
        try (S3Client s3 = clients.s3()) {
            boolean hasObjects = new SourceRegistry(s3, clients.lake().rawBucket())
                    .add(source, ModelCatalog.lake().formats().keySet());
            var out = spec.commandLine().getOut();
            out.printf(
                    "Added source %s: %s logs read in place from %s. The next transform registers its day folders.%n",
                    source.name(), source.format(), source.location());
            if (!hasObjects) {
                out.printf("  %s holds no object yet.%n", source.location());
            }
        }
        return 0;
    }
}
