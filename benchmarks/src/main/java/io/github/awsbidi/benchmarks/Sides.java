package io.github.awsbidi.benchmarks;

import java.util.List;

/** Which side goes first in an iteration: alternating, so drift (JIT, GC, a noisy neighbour) hits both alike. */
final class Sides {

    private static final List<Side> RAW_FIRST = List.of(Side.RAW, Side.SESSION);
    private static final List<Side> SESSION_FIRST = List.of(Side.SESSION, Side.RAW);

    private Sides() {}

    static List<Side> inTurn(int iteration) {
        return iteration % 2 == 0 ? RAW_FIRST : SESSION_FIRST;
    }
}
