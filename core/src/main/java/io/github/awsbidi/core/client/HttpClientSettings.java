package io.github.awsbidi.core.client;

import io.github.awsbidi.core.InvalidSettingException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

/**
 * How the Netty HTTP/2 client behind every SDK client is tuned; a value out of range fails construction with an
 * {@link InvalidSettingException} naming the field. The defaults suit streams that stay open for
 * minutes with long silent gaps (a user who stops talking, a model that thinks):
 * <ul>
 * <li>read and write timeouts are off ({@link Duration#ZERO}): Netty's 30 s default read timeout kills an idle Nova
 * Sonic stream, and a write may legitimately wait long for the server's HTTP/2 window. Dead connections are found
 * by HTTP/2 PINGs instead ({@code healthCheckPingPeriod}), which an idle but healthy peer answers;</li>
 * <li>PING every 30 s rather than the SDK's 5 s, which fails streams under load with {@code PingFailedException};</li>
 * <li>connect 10 s and acquire 60 s: opening a stream waits for a free connection under a burst instead of failing;</li>
 * <li>streams per connection: {@code null} means the service's default, 1 for SageMaker (its front end starves
 * streams that share a connection, as Deepgram's production transport found) and
 * {@value #BEDROCK_STREAMS_PER_CONNECTION} for Bedrock, so that many streams spread over several connections and so
 * over several event-loop threads (docs/load-and-benchmarks.md, "Sizing for many streams", has the measurement it comes from);</li>
 * <li>{@value #DEFAULT_MAX_CONCURRENCY} streams at once per client, so that a few hundred callers open together
 * without queueing for a slot;</li>
 * <li>event-loop threads: {@code null} means the SDK's shared group (two per core, shared by every client in the
 * JVM).</li>
 * </ul>
 *
 * @param maxConcurrency the most connections (HTTP/2: streams across connections) at once
 * @param maxStreamsPerConnection {@code Http2Configuration.maxStreams}, or {@code null} for the service default
 * @param connectTimeout how long a TCP/TLS connect may take
 * @param acquireTimeout how long opening a stream may wait for a connection
 * @param readTimeout idle time after which a connection is dropped; {@link Duration#ZERO} disables it
 * @param writeTimeout time a write may take; {@link Duration#ZERO} disables it
 * @param healthCheckPingPeriod the HTTP/2 PING period that detects dead connections
 * @param initialWindowSize the HTTP/2 receive window per stream in bytes (what a slow consumer lets the server send
 *     ahead, per stream), or {@code null} for the SDK's default of 1 MiB
 * @param tlsTrustManagers trust for TLS, e.g. a local emulator's certificate; {@code null} for the JDK's
 * @param eventLoopThreads the number of Netty event-loop threads that every client of one {@link BidiClientFactory}
 *     shares, or {@code null} for the SDK's shared group
 */
public record HttpClientSettings(
        int maxConcurrency,
        @Nullable Long maxStreamsPerConnection,
        Duration connectTimeout,
        Duration acquireTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration healthCheckPingPeriod,
        @Nullable Integer initialWindowSize,
        @Nullable TlsTrustManagersProvider tlsTrustManagers,
        @Nullable Integer eventLoopThreads) {

    /** Streams at once per client unless set: enough for a few hundred callers opening together. */
    public static final int DEFAULT_MAX_CONCURRENCY = 2_000;

    /** Streams per HTTP/2 connection for Bedrock unless set (SageMaker's default is 1). */
    public static final long BEDROCK_STREAMS_PER_CONNECTION = 50;

    /** The smallest HTTP/2 window RFC 9113 allows to start with is its default, 65,535 bytes. */
    public static final int MIN_INITIAL_WINDOW_SIZE = 65_535;

    private static final HttpClientSettings DEFAULTS = new HttpClientSettings(
            DEFAULT_MAX_CONCURRENCY,
            null,
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofSeconds(30),
            null,
            null,
            null);

    public HttpClientSettings {
        InvalidSettingException.require(maxConcurrency >= 1, "maxConcurrency", maxConcurrency, "must be at least 1");
        InvalidSettingException.require(
                maxStreamsPerConnection == null || maxStreamsPerConnection >= 1,
                "maxStreamsPerConnection",
                maxStreamsPerConnection,
                "must be at least 1");
        positive("connectTimeout", connectTimeout);
        positive("acquireTimeout", acquireTimeout);
        notNegative("readTimeout", readTimeout);
        notNegative("writeTimeout", writeTimeout);
        positive("healthCheckPingPeriod", healthCheckPingPeriod);
        InvalidSettingException.require(
                initialWindowSize == null || initialWindowSize >= MIN_INITIAL_WINDOW_SIZE,
                "initialWindowSize",
                initialWindowSize,
                "must be at least " + MIN_INITIAL_WINDOW_SIZE + " bytes");
        InvalidSettingException.require(
                eventLoopThreads == null || eventLoopThreads >= 1,
                "eventLoopThreads",
                eventLoopThreads,
                "must be at least 1");
    }

    /** The defaults described above. */
    public static HttpClientSettings defaults() {
        return DEFAULTS;
    }

    /** These settings with another HTTP/2 receive window per stream ({@code null}: the SDK's 1 MiB). */
    public HttpClientSettings withInitialWindowSize(@Nullable Integer initialWindowSize) {
        return new HttpClientSettings(
                maxConcurrency,
                maxStreamsPerConnection,
                connectTimeout,
                acquireTimeout,
                readTimeout,
                writeTimeout,
                healthCheckPingPeriod,
                initialWindowSize,
                tlsTrustManagers,
                eventLoopThreads);
    }

    /** These settings with another concurrency limit. */
    public HttpClientSettings withMaxConcurrency(int maxConcurrency) {
        return new HttpClientSettings(
                maxConcurrency,
                maxStreamsPerConnection,
                connectTimeout,
                acquireTimeout,
                readTimeout,
                writeTimeout,
                healthCheckPingPeriod,
                initialWindowSize,
                tlsTrustManagers,
                eventLoopThreads);
    }

    /** These settings with another number of streams per connection ({@code null}: the service default). */
    public HttpClientSettings withMaxStreamsPerConnection(@Nullable Long maxStreamsPerConnection) {
        return new HttpClientSettings(
                maxConcurrency,
                maxStreamsPerConnection,
                connectTimeout,
                acquireTimeout,
                readTimeout,
                writeTimeout,
                healthCheckPingPeriod,
                initialWindowSize,
                tlsTrustManagers,
                eventLoopThreads);
    }

    /** These settings with other connect and acquire timeouts. */
    public HttpClientSettings withConnectTimeouts(Duration connectTimeout, Duration acquireTimeout) {
        return new HttpClientSettings(
                maxConcurrency,
                maxStreamsPerConnection,
                connectTimeout,
                acquireTimeout,
                readTimeout,
                writeTimeout,
                healthCheckPingPeriod,
                initialWindowSize,
                tlsTrustManagers,
                eventLoopThreads);
    }

    /** These settings with other read and write timeouts ({@link Duration#ZERO} disables). */
    public HttpClientSettings withIoTimeouts(Duration readTimeout, Duration writeTimeout) {
        return new HttpClientSettings(
                maxConcurrency,
                maxStreamsPerConnection,
                connectTimeout,
                acquireTimeout,
                readTimeout,
                writeTimeout,
                healthCheckPingPeriod,
                initialWindowSize,
                tlsTrustManagers,
                eventLoopThreads);
    }

    /** These settings with another PING period. */
    public HttpClientSettings withHealthCheckPingPeriod(Duration healthCheckPingPeriod) {
        return new HttpClientSettings(
                maxConcurrency,
                maxStreamsPerConnection,
                connectTimeout,
                acquireTimeout,
                readTimeout,
                writeTimeout,
                healthCheckPingPeriod,
                initialWindowSize,
                tlsTrustManagers,
                eventLoopThreads);
    }

    /** These settings trusting other certificates ({@code null}: the JDK's trust store). */
    public HttpClientSettings withTlsTrustManagers(@Nullable TlsTrustManagersProvider tlsTrustManagers) {
        return new HttpClientSettings(
                maxConcurrency,
                maxStreamsPerConnection,
                connectTimeout,
                acquireTimeout,
                readTimeout,
                writeTimeout,
                healthCheckPingPeriod,
                initialWindowSize,
                tlsTrustManagers,
                eventLoopThreads);
    }

    /** These settings with their own event-loop group of that many threads ({@code null}: the SDK's shared one). */
    public HttpClientSettings withEventLoopThreads(@Nullable Integer eventLoopThreads) {
        return new HttpClientSettings(
                maxConcurrency,
                maxStreamsPerConnection,
                connectTimeout,
                acquireTimeout,
                readTimeout,
                writeTimeout,
                healthCheckPingPeriod,
                initialWindowSize,
                tlsTrustManagers,
                eventLoopThreads);
    }

    private static void positive(String field, Duration value) {
        InvalidSettingException.require(
                value != null && !value.isNegative() && !value.isZero(), field, value, "must be positive");
    }

    private static void notNegative(String field, Duration value) {
        InvalidSettingException.require(
                value != null && !value.isNegative(), field, value, "must not be negative (ZERO disables it)");
    }
}
