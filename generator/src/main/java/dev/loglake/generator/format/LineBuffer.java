package dev.loglake.generator.format;

import dev.loglake.generator.model.Token;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer the text encoders append lines to, without a String per field. */
public final class LineBuffer {
    private byte[] bytes;
    private int size;

    public LineBuffer(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    /** The backing array; valid up to {@link #size()}, until the next append. */
    @SuppressWarnings("EffectivelyPrivate")
    public byte[] array() {
        return bytes;
    }

    public void clear() {
        size = 0;
    }

    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate to " + newSize + " of " + size);
        }
        size = newSize;
    }

    public LineBuffer append(byte value) {
        ensure(1);
        bytes[size++] = value;
        return this;
    }

    public LineBuffer append(byte[] values) {
        return append(values, 0, values.length);
    }

    public LineBuffer append(byte[] values, int offset, int length) {
        ensure(length);
        System.arraycopy(values, offset, bytes, size, length);
        size += length;
        return this;
    }

    public LineBuffer append(Token token) {
        return append(token.bytes());
    }

    public LineBuffer appendAscii(String text) {
        return append(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Decimal digits of a non-negative number. */
    public LineBuffer appendDecimal(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        ensure(20);
        if (value == 0) {
            bytes[size++] = '0';
            return this;
        }
        int digits = 0;
        for (long rest = value; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
        return this;
    }

    /** Two digits, zero-padded. */
    public LineBuffer appendTwoDigits(int value) {
        ensure(2);
        bytes[size++] = (byte) ('0' + value / 10);
        bytes[size++] = (byte) ('0' + value % 10);
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
