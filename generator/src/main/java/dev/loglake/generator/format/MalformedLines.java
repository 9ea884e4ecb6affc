package dev.loglake.generator.format;

import dev.loglake.generator.model.AccessEvent;
import dev.loglake.generator.model.HttpMethod;
import dev.loglake.generator.model.Resource;
import dev.loglake.generator.model.ResourceKind;
import dev.loglake.generator.model.Token;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Writes malformed lines modelled on a real event. None of them is valid in its format: the tests check each kind
 * against {@link CombinedLineParser}, and the transforms quarantine every one of each format (the integration
 * tests compare the quarantine with the manifest).
 */
public final class MalformedLines {
    private static final int OVERSIZED_TARGET = 70_000;

    private final LineEncoder encoder;
    private final LineBuffer scratch = new LineBuffer(1024);

    public MalformedLines(LineEncoder encoder) {
        this.encoder = encoder;
    }

    public void append(MalformedKind kind, AccessEvent template, RandomGenerator random, LineBuffer out) {
        switch (kind) {
            case TRUNCATED -> truncated(template, random, out);
            case BAD_TIMESTAMP -> encoder.encodeWithBadTimestamp(
                    template,
                    encoder.badTimestamps()
                            .get(random.nextInt(encoder.badTimestamps().size())),
                    out);
            case GARBAGE -> garbage(random, out);
            case OVERSIZED -> encoder.encode(oversized(template, random), out);
        }
    }

    /** Cut before the format's truncation limit (the last quote of a combined line): what the format needs is lost. */
    private void truncated(AccessEvent template, RandomGenerator random, LineBuffer out) {
        scratch.clear();
        encoder.encode(template, scratch);
        int limit = encoder.truncationLimit(scratch);
        int keep = 8 + random.nextInt(Math.max(1, limit - 8));
        out.append(scratch.array(), 0, Math.min(keep, limit)).append((byte) '\n');
    }

    private static void garbage(RandomGenerator random, LineBuffer out) {
        int length = 20 + random.nextInt(280);
        for (int i = 0; i < length; i++) {
            int value = random.nextInt(256);
            // Never a line break, and never the Hive text format's field separator (0x01).
            out.append(value == '\n' || value == '\r' || value == 1 ? (byte) '?' : (byte) value);
        }
        out.append((byte) '\n');
    }

    private static AccessEvent oversized(AccessEvent template, RandomGenerator random) {
        StringBuilder target = new StringBuilder(OVERSIZED_TARGET + 16).append("/search?q=");
        while (target.length() < OVERSIZED_TARGET) {
            target.append((char) ('a' + random.nextInt(26)));
        }
        Resource resource = new Resource(
                -1,
                HttpMethod.GET,
                new Token(target.toString()),
                -1,
                new Token("https://oversized.invalid/"),
                ResourceKind.SEARCH,
                0,
                0,
                List.of(),
                Optional.empty());
        return new AccessEvent(template.timeMillis(), template.visitor(), resource, 414, 0, template.referer(), 1_000);
    }
}
