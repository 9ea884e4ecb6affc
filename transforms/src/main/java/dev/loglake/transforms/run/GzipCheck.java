package dev.loglake.transforms.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Reads a gzip stream to its end and says why it cannot be read, if it cannot. */
final class GzipCheck {
    private GzipCheck() {}

    /** Empty for a whole gzip stream; otherwise the reason in words, e.g. "truncated gzip stream". */
    static Optional<String> whyUnreadable(InputStream compressed) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new GZIPInputStream(compressed, buffer.length)) {
            while (in.read(buffer) >= 0) {
                // read to the end: a truncated stream fails only there
            }
            return Optional.empty();
        } catch (java.util.zip.ZipException e) {
            return Optional.of("not gzip, or corrupt gzip data (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            return Optional.of("truncated gzip stream (" + e.getMessage() + ")");
        } catch (IOException e) {
            return Optional.of("unreadable gzip stream (" + e.getMessage() + ")");
        }
    }
}
