package io.monago.atrium.guard.security.lexicon;

/**
 * Maps a few distinct non-negative ints (term ids) to their position in the array they were
 * given in: open addressing, no boxing. Immutable.
 */
final class IntIndex {
    private static final IntIndex EMPTY = new IntIndex(new int[0]);

    /** Per slot: key + 1, 0 for empty. */
    private final int[] keys;

    private final int[] positions;
    private final int mask;

    private IntIndex(int[] distinct) {
        int capacity = Integer.highestOneBit(Math.max(2, distinct.length * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.keys = new int[capacity];
        this.positions = new int[capacity];
        for (int position = 0; position < distinct.length; position++) {
            int key = distinct[position];
            if (key < 0) {
                throw new IllegalArgumentException("keys must not be negative: " + key);
            }
            int slot = spread(key) & mask;
            while (keys[slot] != 0) {
                if (keys[slot] == key + 1) {
                    throw new IllegalArgumentException("duplicate key " + key);
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key + 1;
            positions[slot] = position;
        }
    }

    static IntIndex of(int[] distinctKeys) {
        return distinctKeys.length == 0 ? EMPTY : new IntIndex(distinctKeys);
    }

    /**
     * Looks a key up.
     *
     * @return the position of {@code key}, or -1 (always for a negative key)
     */
    int get(int key) {
        if (key < 0) {
            return -1;
        }
        for (int slot = spread(key) & mask; keys[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key + 1) {
                return positions[slot];
            }
        }
        return -1;
    }

    private static int spread(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
