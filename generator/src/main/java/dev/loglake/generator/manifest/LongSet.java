package dev.loglake.generator.manifest;

import java.util.Arrays;

/** A set of longs without boxing (open addressing, linear probing), for distinct counts. Not thread-safe. */
final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots = emptySlots(64);
    private int size;
    private boolean containsEmptyMarker;

    void add(long value) {
        if (value == EMPTY) {
            if (!containsEmptyMarker) {
                containsEmptyMarker = true;
                size++;
            }
            return;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, value)) {
            size++;
        }
    }

    void addAll(LongSet other) {
        if (other.containsEmptyMarker) {
            add(EMPTY);
        }
        for (long value : other.slots) {
            if (value != EMPTY) {
                add(value);
            }
        }
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int index = (int) (mix(value) & mask);
        while (table[index] != EMPTY) {
            if (table[index] == value) {
                return false;
            }
            index = (index + 1) & mask;
        }
        table[index] = value;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = emptySlots(old.length * 2);
        for (long value : old) {
            if (value != EMPTY) {
                insert(slots, value);
            }
        }
    }

    private static long[] emptySlots(int capacity) {
        long[] table = new long[capacity];
        Arrays.fill(table, EMPTY);
        return table;
    }

    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        return z ^ (z >>> 29);
    }
}
