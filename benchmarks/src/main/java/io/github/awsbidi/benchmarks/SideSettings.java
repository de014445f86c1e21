package io.github.awsbidi.benchmarks;

import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.emulator.EmulatorConfig;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * What each side's SDK client is built with in a live-audio row.
 *
 * <p>{@link #ALIKE}: both sides get the same connection settings (the starter's, shaped by the command line), so the
 * row measures the session layer and nothing else. {@link #OWN_DEFAULTS}: each side as a team gets it without tuning
 * anything, the raw SDK client with the SDK's own HTTP client defaults and the session with the starter's; either
 * side is given only what reaching the emulator needs (endpoint, region, credentials, trust in its certificate). The
 * first answers "what does the session layer cost", the second "what does a team gain by taking the starter".
 */
enum SideSettings {
    ALIKE,
    OWN_DEFAULTS;

    /** A new client of {@code side} for {@code operation}, allowing {@code maxStreams} streams where that is set. */
    Side.Client connect(Side side, Operation operation, EmulatorProcess emulator, int maxStreams, ClientShape shape) {
        return this == ALIKE
                ? side.connect(operation, emulator, maxStreams, shape)
                : side.connectAtOwnDefaults(operation, emulator);
    }

    /** Whether a trial fails when a stream does not open, rather than counting it (only the alike rows do). */
    boolean everyStreamMustOpen() {
        return this == ALIKE;
    }

    /**
     * The settings each side used, in words, for the rows that depend on them: the SDK's values read from its global
     * HTTP defaults (its HTTP/2 PING period is internal to its Netty client, 5 s), the starter's from
     * {@link HttpClientSettings#defaults()}, which leave the TLS handshake timeout at the SDK's.
     */
    String text(Operation operation, ClientShape shape) {
        if (this == ALIKE) {
            return "both sides: " + shape.text();
        }
        AttributeMap sdk = SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS;
        HttpClientSettings starter = HttpClientSettings.defaults();
        String tlsHandshake = seconds(sdk.get(SdkHttpConfigurationOption.TLS_NEGOTIATION_TIMEOUT));
        return String.format(
                Locale.ROOT,
                "raw at the SDK's client defaults: at most %d connections (for HTTP/2: streams at once), streams per"
                        + " connection unlimited (so the emulator's %d), PING every 5 s, TLS handshake %s, acquire %s,"
                        + " SDK retries; session at the starter's: at most %s streams, %d per connection, PING every"
                        + " %s, TLS handshake %s, connect %s, acquire %s, no SDK retries",
                sdk.get(SdkHttpConfigurationOption.MAX_CONNECTIONS),
                EmulatorConfig.DEFAULT_MAX_CONCURRENT_STREAMS,
                tlsHandshake,
                seconds(sdk.get(SdkHttpConfigurationOption.CONNECTION_ACQUIRE_TIMEOUT)),
                Numbers.format(starter.maxConcurrency()),
                operation == Operation.SAGEMAKER ? 1 : HttpClientSettings.BEDROCK_STREAMS_PER_CONNECTION,
                seconds(starter.healthCheckPingPeriod()),
                tlsHandshake,
                seconds(starter.connectTimeout()),
                seconds(starter.acquireTimeout()));
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
