package io.github.awsbidi.emulator.stream;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts stream opens per target so that an open-error fault can fail only the first few. */
public final class OpenAttempts {

    private final ConcurrentMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    /** Records one more open of that target and returns how many came before it. */
    public int next(String target) {
        return attempts.computeIfAbsent(target, key -> new AtomicInteger()).getAndIncrement();
    }

    /** Forgets every count, e.g. when the configuration changes. */
    public void reset() {
        attempts.clear();
    }
}
