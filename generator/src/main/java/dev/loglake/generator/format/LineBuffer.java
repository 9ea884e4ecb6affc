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

    /** Decimal digits of a non-negative number; two digits per division, as it runs for every field. */
    public LineBuffer appendDecimal(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        ensure(20);
        int digits = digits(value);
        int position = size + digits;
        while (value >= 100) {
            int pair = (int) (value % 100);
            value /= 100;
            bytes[--position] = DIGIT_ONES[pair];
            bytes[--position] = DIGIT_TENS[pair];
        }
        if (value >= 10) {
            bytes[--position] = DIGIT_ONES[(int) value];
            bytes[--position] = DIGIT_TENS[(int) value];
        } else {
            bytes[--position] = (byte) ('0' + value);
        }
        size += digits;
        return this;
    }

    private static int digits(long value) {
        int digits = 1;
        for (long limit = 10; digits < 19 && value >= limit; limit *= 10) {
            digits++;
        }
        return digits;
    }

    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
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
