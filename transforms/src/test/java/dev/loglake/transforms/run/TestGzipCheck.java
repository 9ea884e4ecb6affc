package dev.loglake.transforms.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TestGzipCheck {
    static final byte[] WHOLE =
            gzip("127.0.0.1 - - [02/Nov/2026:05:00:00 +0000] \"GET / HTTP/1.1\" 200 5\n".repeat(5000));

    @Test
    void aConnectionResetMidReadIsAnIoErrorNotDamage() {
        InputStream reset = new FailingStream(WHOLE, WHOLE.length / 2, new SocketException("Connection reset"));

        assertThatThrownBy(() -> GzipCheck.whyUnreadable(reset))
                .isInstanceOf(SocketException.class)
                .hasMessage("Connection reset");
    }

    @Test
    void anEndOfStreamErrorOfTheSourceIsAnIoErrorNotATruncatedObject() {
        // what an HTTP client throws when the connection closes before Content-Length bytes arrived
        InputStream closed = new FailingStream(
                WHOLE, WHOLE.length / 3, new EOFException("Premature end of Content-Length delimited message body"));

        assertThatThrownBy(() -> GzipCheck.whyUnreadable(closed))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("Premature end");
    }

    @Test
    void anSdkErrorOfTheSourceIsAnIoErrorNotDamage() {
        InputStream sdk = new FailingStream(WHOLE, 10, new IllegalStateException("Unable to execute HTTP request"));

        assertThatThrownBy(() -> GzipCheck.whyUnreadable(sdk))
                .isInstanceOf(IOException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailureWhileTheDecoderLooksForAFurtherMemberIsNotSwallowed() {
        // GZIPInputStream takes an IOException after the first member for trailing garbage and ends quietly
        InputStream failsAfterTheMember =
                new FailingStream(WHOLE, WHOLE.length, new SocketException("Connection reset"));

        assertThatThrownBy(() -> GzipCheck.whyUnreadable(failsAfterTheMember)).isInstanceOf(SocketException.class);
    }

    @Test
    void aTruncatedStreamIsDamage() throws IOException {
        InputStream truncated = new FailingStream(Arrays.copyOf(WHOLE, WHOLE.length / 2), Integer.MAX_VALUE, null);

        assertThat(GzipCheck.whyUnreadable(truncated))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("truncated gzip stream"));
    }

    @Test
    void badMagicAndACorruptTrailerAreDamage() throws IOException {
        byte[] plain = "plain text, not gzip\n".getBytes(StandardCharsets.UTF_8);
        byte[] badCrc = WHOLE.clone();
        badCrc[badCrc.length - 8] ^= 0x5a;

        assertThat(GzipCheck.whyUnreadable(new FailingStream(plain, Integer.MAX_VALUE, null)))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("not gzip"));
        assertThat(GzipCheck.whyUnreadable(new FailingStream(badCrc, Integer.MAX_VALUE, null)))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("not gzip, or corrupt gzip data"));
    }

    @Test
    void aWholeStreamIsReadable() throws IOException {
        assertThat(GzipCheck.whyUnreadable(new FailingStream(WHOLE, Integer.MAX_VALUE, null)))
                .isEmpty();
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Serves {@code bytes} in small reads, as a network stream does, and throws {@code failure} once {@code
     * failAt} bytes were served; until then it says more bytes are available, as a socket with buffered data does.
     */
    static final class FailingStream extends InputStream {
        private final byte[] bytes;
        private final int failAt;
        private final Exception failure;
        private int position;

        FailingStream(byte[] bytes, int failAt, Exception failure) {
            this.bytes = bytes.clone();
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position >= failAt && failure != null) {
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1024), Math.min(bytes.length, failAt) - position);
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return failure != null ? 1 : bytes.length - position;
        }
    }
}
