package io.github.awsbidi.realtime.webflux;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Who may hold a socket open: the browser's origin (when it sends one) and a per-identity limit of concurrent
 * sockets. Refusals are reported to a listener as {@code (surface, reason)}, e.g. {@code ("realtime",
 * "session_limit")}. Thread-safe; one per surface.
 */
public final class Admission {

    private final String surface;
    private final int maxPerIdentity;
    private final List<String> allowedOrigins;
    private final BiConsumer<String, String> refusals;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    /**
     * @param surface the socket family, e.g. {@code realtime}
     * @param maxPerIdentity concurrent sockets per identity
     * @param allowedOrigins origins allowed; empty allows any
     * @param refusals told {@code (surface, reason)} of each refusal
     */
    public Admission(
            String surface, int maxPerIdentity, List<String> allowedOrigins, BiConsumer<String, String> refusals) {
        this.surface = surface;
        this.maxPerIdentity = maxPerIdentity;
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.refusals = refusals;
    }

    /** Whether a browser from {@code origin} may connect (any when no origin is sent or none is configured). */
    public boolean originAllowed(@Nullable String origin) {
        if (origin == null || allowedOrigins.isEmpty() || allowedOrigins.contains(origin)) {
            return true;
        }
        refused("origin");
        return false;
    }

    /** Takes a place for {@code identity}; null when it already holds its limit. Release the ticket when done. */
    public @Nullable Runnable admit(String identity) {
        AtomicInteger count = open.computeIfAbsent(identity, key -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerIdentity) {
            count.decrementAndGet();
            refused("session_limit");
            return null;
        }
        AtomicInteger released = new AtomicInteger();
        return () -> {
            if (released.getAndIncrement() == 0) {
                count.decrementAndGet();
            }
        };
    }

    /** Reports a refusal for another reason, e.g. {@code unauthorized}. */
    public void refused(String reason) {
        refusals.accept(surface, reason);
    }

    /** Sockets open for {@code identity}. */
    public int open(String identity) {
        AtomicInteger count = open.get(identity);
        return count == null ? 0 : count.get();
    }
}
