package io.github.awsbidi.benchmarks;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** One value per side, filled before it is read: reading a side that has none is a bug, reported as such. */
final class PerSide<T> {

    private final Map<Side, T> values = new EnumMap<>(Side.class);

    void put(Side side, T value) {
        values.put(side, value);
    }

    T get(Side side) {
        T value = values.get(side);
        if (value == null) {
            throw new IllegalStateException("nothing recorded for side " + side);
        }
        return value;
    }

    Collection<T> values() {
        return values.values();
    }
}
