package io.github.awsbidi.core.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What went wrong connecting to a (host, port), as seen where the SDK does not report it: the TLS trust manager that
 * the client factory installs records a certificate it rejected here, and an exchange waiting for that address picks
 * the failure up, instead of the SDK's "channel was closed before the protocol could be determined" (or, on older
 * SDKs, no outcome at all until the open timeout). Public only for the client factory; not an API.
 * <p>
 * Only attempts waiting when a failure is recorded hear of it (it is recorded before the SDK sees the handshake fail);
 * two clients with different trust reaching the same (host, port) at the same moment could hear each other's.
 */
public final class ConnectFailures {

    /** A failure recorded for an address, {@code atNanos} on {@link System#nanoTime()}'s scale. */
    public record Failure(String address, String reason, Throwable cause, long atNanos) {}

    private static final Map<String, Set<Consumer<Failure>>> WAITING = new ConcurrentHashMap<>();

    private ConnectFailures() {}

    /** The key of an address: {@code host:port}, host in lower case, IPv6 in brackets. */
    public static String address(String host, int port) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.contains(":") && !lower.startsWith("[")) {
            lower = "[" + lower + "]";
        }
        return lower + ":" + port;
    }

    /** The key of the address an endpoint URI connects to (port 443 or 80 by scheme when it names none). */
    public static @Nullable String address(@Nullable URI endpoint) {
        if (endpoint == null || endpoint.getHost() == null) {
            return null;
        }
        int port =
                endpoint.getPort() >= 0 ? endpoint.getPort() : "http".equalsIgnoreCase(endpoint.getScheme()) ? 80 : 443;
        return address(endpoint.getHost(), port);
    }

    /** Records that connecting to {@code address} failed, telling every attempt waiting for it. */
    public static void record(String address, String reason, Throwable cause) {
        Failure failure = new Failure(address, reason, cause, System.nanoTime());
        Set<Consumer<Failure>> waiting = WAITING.get(address);
        if (waiting != null) {
            waiting.forEach(consumer -> consumer.accept(failure));
        }
    }

    /** Tells {@code consumer} of failures recorded for {@code address} until the returned handle runs. */
    public static Runnable listen(String address, Consumer<Failure> consumer) {
        WAITING.compute(address, (key, set) -> {
            Set<Consumer<Failure>> consumers = set != null ? set : new CopyOnWriteArraySet<>();
            consumers.add(consumer);
            return consumers;
        });
        return () -> WAITING.computeIfPresent(address, (key, set) -> {
            set.remove(consumer);
            return set.isEmpty() ? null : set;
        });
    }
}
