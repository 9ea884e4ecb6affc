package dev.loglake.generator.format;

import java.io.ByteArrayInputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet file held in a byte array, for reading objects back (recounts, round-trip tests). */
public final class InMemoryInputFile implements InputFile {
    private final byte[] bytes;

    public InMemoryInputFile(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public long getLength() {
        return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
        SeekableByteStream in = new SeekableByteStream(bytes);
        return new DelegatingSeekableInputStream(in) {
            @Override
            public long getPos() {
                return in.position();
            }

            @Override
            public void seek(long newPos) {
                in.seek(newPos);
            }
        };
    }

    private static final class SeekableByteStream extends ByteArrayInputStream {
        SeekableByteStream(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(long position) {
            pos = (int) position;
        }
    }
}
