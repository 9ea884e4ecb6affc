package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a gzip stream to its end and says why its content cannot be read, if it cannot. Only what the gzip
 * decoder itself finds is damage (bad magic, corrupt data, a CRC mismatch, a stream that ends early); a failure
 * of the stream underneath (a connection reset, an SDK error) says nothing about the content and is thrown, so
 * that a caller never quarantines a good object because the network failed while reading it.
 */
final class GzipCheck {
    private GzipCheck() {}

    /**
     * Empty for a whole gzip stream; otherwise the damage in words, e.g. "truncated gzip stream".
     *
     * @throws IOException if reading {@code compressed} itself failed: an I/O error, not damage
     */
    static Optional<String> whyUnreadable(InputStream compressed) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        SourceStream source = new SourceStream(compressed);
        Optional<String> damage;
        try (InputStream in = new GZIPInputStream(source, buffer.length)) {
            while (in.read(buffer) >= 0) {
                // read to the end: a truncated stream fails only there
            }
            damage = Optional.empty();
        } catch (SourceFailure e) {
            throw e.ioError();
        } catch (ZipException e) {
            damage = Optional.of("not gzip, or corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            damage = Optional.of("truncated gzip stream (" + e.getMessage() + ")");
        }
        // GZIPInputStream swallows a failure while it looks for a further member after the first one (it takes
        // it for trailing garbage), so the source's own record is what tells whether the end was really read.
        if (source.failure != null) {
            throw source.failure.ioError();
        }
        return damage;
    }

    /** Marks every failure of the underlying stream, so that it cannot pass for damage found by the decoder. */
    private static final class SourceStream extends FilterInputStream {
        private SourceFailure failure;

        SourceStream(InputStream in) {
            super(requireNonNull(in, "in is null"));
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return super.read(bytes, offset, length);
            } catch (IOException | RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException | RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return super.available();
            } catch (IOException | RuntimeException e) {
                throw failed(e);
            }
        }

        private SourceFailure failed(Exception e) {
            if (failure == null) {
                failure = new SourceFailure(e);
            }
            return failure;
        }
    }

    /** A failure of the stream under the decoder, carried through it. */
    private static final class SourceFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SourceFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }

        IOException ioError() {
            return getCause() instanceof IOException io ? io : new IOException(getMessage(), getCause());
        }
    }
}
