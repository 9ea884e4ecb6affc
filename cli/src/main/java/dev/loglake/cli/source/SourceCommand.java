package dev.loglake.cli.source;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loglake source add|list|remove}: logs read where they already are in S3, with no copy. */
@Command(
        name = "source",
        mixinStandardHelpOptions = true,
        description = "Read logs in place from an S3 prefix (ALB, CloudFront, or day folders of any format): each"
                + " transform registers the new day folders it finds there. The logs are never copied or changed.",
        subcommands = {SourceAddCommand.class, SourceListCommand.class, SourceRemoveCommand.class})
public final class SourceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
