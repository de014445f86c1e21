package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.InvalidSettingException;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

/**
 * Maps {@link AwsBidiProperties} onto core's settings records; a value they reject becomes an
 * {@link AwsBidiConfigurationException} naming the property (see {@link SettingsErrors}).
 */
final class ClientSettings {

    static final String HTTP = "aws.bidi.http";

    static final String EXCHANGE = "aws.bidi.exchange";

    static final String RETRY = "aws.bidi.retry";

    private ClientSettings() {}

    static HttpClientSettings http(AwsBidiProperties.Http http, @Nullable TlsTrustManagersProvider trustManagers) {
        return SettingsErrors.mapped(
                HTTP,
                AwsBidiProperties.Http.class,
                () -> new HttpClientSettings(
                        http.getMaxConcurrency(),
                        http.getMaxStreamsPerConnection(),
                        http.getConnectTimeout(),
                        http.getAcquireTimeout(),
                        http.getReadTimeout(),
                        http.getWriteTimeout(),
                        http.getHealthCheckPingPeriod(),
                        toInt("initialWindowSize", http.getInitialWindowSize()),
                        trustManagers,
                        http.getEventLoopThreads()));
    }

    static SessionOptions sessionOptions(AwsBidiProperties properties, ExchangeListener listener) {
        AwsBidiProperties.Exchange exchange = properties.getExchange();
        RetryPolicy retryPolicy = retryPolicy(properties.getRetry());
        return SettingsErrors.mapped(
                EXCHANGE,
                AwsBidiProperties.Exchange.class,
                () -> SessionOptions.defaults()
                        .withListener(listener)
                        .withRetryPolicy(retryPolicy)
                        .withMaxFrameBytes(toInt("maxFrameBytes", exchange.getMaxFrameBytes()))
                        .withSendBufferFrames(exchange.getSendBufferFrames())
                        .withOpenTimeout(exchange.getOpenTimeout()));
    }

    /** The retry policy; a rejected value is reported under the property of the field that the policy names. */
    static RetryPolicy retryPolicy(AwsBidiProperties.Retry retry) {
        return SettingsErrors.mapped(
                RETRY,
                AwsBidiProperties.Retry.class,
                () -> new RetryPolicy(
                        retry.getMaxAttempts(),
                        retry.getInitialBackoff(),
                        retry.getMaxBackoff(),
                        retry.getMaxElapsed(),
                        retry.getRetryOn(),
                        toInt("maxReplayBytes", retry.getMaxReplayBytes())));
    }

    private static int toInt(String field, DataSize size) {
        InvalidSettingException.require(size.toBytes() <= Integer.MAX_VALUE, field, size, "must be below 2GB");
        return (int) size.toBytes();
    }
}
