package io.github.awsbidi.benchmarks;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How both sides' SDK clients carry their streams, the same for raw and session: streams per HTTP/2 connection,
 * event-loop threads and the TLS implementation. {@code null} leaves a setting at core's default.
 *
 * @param streamsPerConnection streams per connection, or {@code null} for core's default per service
 * @param eventLoopThreads the client's event-loop threads, or {@code null} for the SDK's shared group
 * @param tlsProvider {@code jdk} or {@code openssl} (netty-tcnative's BoringSSL, on this module's class path)
 */
record ClientShape(
        @Nullable Long streamsPerConnection, @Nullable Integer eventLoopThreads, String tlsProvider) {

    static final ClientShape DEFAULTS = new ClientShape(null, null, "jdk");

    ClientShape {
        if (!tlsProvider.equals("jdk") && !tlsProvider.equals("openssl")) {
            throw new IllegalArgumentException("--tls-provider must be jdk or openssl, was " + tlsProvider);
        }
    }

    ClientShape withStreamsPerConnection(@Nullable Long streams) {
        return new ClientShape(streams, eventLoopThreads, tlsProvider);
    }

    /** The settings in words, for the table's header and the rows that depend on them. */
    String text() {
        return String.format(
                Locale.ROOT,
                "streams per connection %s, event-loop threads %s, TLS %s",
                streamsPerConnection != null ? streamsPerConnection : "default (SageMaker 1, Bedrock and Polly 50)",
                eventLoopThreads != null ? eventLoopThreads : "SDK default (2 per core)",
                tlsProvider.equals("jdk") ? "JDK" : "OpenSSL (BoringSSL)");
    }
}
