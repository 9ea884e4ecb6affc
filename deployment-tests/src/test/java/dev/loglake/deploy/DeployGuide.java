package dev.loglake.deploy;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands of a Markdown guide as a reader runs them: the lines of its {@code sh} blocks in order, each
 * with the folder it runs in (the guide's {@code cd} commands are followed, starting at the repository root),
 * continuation lines joined.
 */
record DeployGuide(String text, List<DeployGuide.Command> commands) {
    /** One command line and the repository folder it runs in. */
    record Command(String line, Path folder) {
        Command {
            requireNonNull(line, "line is null");
            requireNonNull(folder, "folder is null");
        }
    }

    private static final Pattern SHELL_BLOCK = Pattern.compile("(?ms)^```(?:sh|bash)\\n(.*?)^```");
    private static final Pattern CD = Pattern.compile("^cd\\s+(\\S+)(?:\\s+#.*)?$");

    DeployGuide {
        requireNonNull(text, "text is null");
        commands = List.copyOf(commands);
    }

    static DeployGuide read(String relative) {
        String text = RepositoryFiles.read(relative);
        List<Command> commands = new ArrayList<>();
        Path folder = RepositoryFiles.root();
        Matcher block = SHELL_BLOCK.matcher(text);
        while (block.find()) {
            for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
                String command = line.strip();
                Matcher cd = CD.matcher(command);
                if (cd.matches()) {
                    folder = folder.resolve(cd.group(1)).normalize();
                } else if (!command.isEmpty() && !command.startsWith("#")) {
                    commands.add(new Command(command, folder));
                }
            }
        }
        return new DeployGuide(text, commands);
    }
}
