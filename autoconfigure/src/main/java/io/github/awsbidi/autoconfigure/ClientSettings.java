package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.InvalidSettingException;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

import org.springframework.util.unit.DataSize;

/**
 * Maps {@link AwsBidiProperties} onto core's settings records; a value they reject becomes an
 * {@link AwsBidiConfigurationException} naming the property (see {@link SettingsErrors}).
 */
final class ClientSettings {

    static final String HTTP = "aws.bidi.http";

    static final String EXCHANGE = "aws.bidi.exchange";

    static final String RETRY = "aws.bidi.retry";

    private ClientSettings() {
    }

    static HttpClientSettings http(AwsBidiProperties.Http http, @Nullable TlsTrustManagersProvider trustManagers) {
        return SettingsErrors.mapped(HTTP, AwsBidiProperties.Http.class, () -> new HttpClientSettings(
                http.getMaxConcurrency(), http.getMaxStreamsPerConnection(), http.getConnectTimeout(),
                http.getAcquireTimeout(), http.getReadTimeout(), http.getWriteTimeout(), http.getHealthCheckPingPeriod(),
                toInt("initialWindowSize", http.getInitialWindowSize()), trustManagers));
    }

    static SessionOptions sessionOptions(AwsBidiProperties properties, ExchangeListener listener) {
        AwsBidiProperties.Exchange exchange = properties.getExchange();
        RetryPolicy retryPolicy = retryPolicy(properties.getRetry());
        return SettingsErrors.mapped(EXCHANGE, AwsBidiProperties.Exchange.class, () -> SessionOptions.defaults()
                .withListener(listener).withRetryPolicy(retryPolicy)
                .withMaxFrameBytes(toInt("maxFrameBytes", exchange.getMaxFrameBytes()))
                .withSendBufferFrames(exchange.getSendBufferFrames()));
    }

    /**
     * The retry policy, built one field at a time from the defaults: {@link RetryPolicy} reports a rejected value as a
     * stream validation error without a field, so the field is the one this step changed. (Should it come to throw
     * {@link InvalidSettingException}, that error's own field is used.)
     */
    static RetryPolicy retryPolicy(AwsBidiProperties.Retry retry) {
        RetryPolicy policy = RetryPolicy.defaults();
        policy = step(policy, "maxAttempts", retry.getMaxAttempts(), p -> new RetryPolicy(retry.getMaxAttempts(),
                p.initialBackoff(), p.maxBackoff(), p.maxElapsed(), p.retryOn(), p.maxReplayBytes()));
        policy = step(policy, "initialBackoff", retry.getInitialBackoff(), p -> new RetryPolicy(p.maxAttempts(),
                retry.getInitialBackoff(), max(retry.getInitialBackoff(), p.maxBackoff()), p.maxElapsed(),
                p.retryOn(), p.maxReplayBytes()));
        policy = step(policy, "maxBackoff", retry.getMaxBackoff(), p -> new RetryPolicy(p.maxAttempts(),
                p.initialBackoff(), retry.getMaxBackoff(), p.maxElapsed(), p.retryOn(), p.maxReplayBytes()));
        policy = step(policy, "maxElapsed", retry.getMaxElapsed(), p -> new RetryPolicy(p.maxAttempts(),
                p.initialBackoff(), p.maxBackoff(), retry.getMaxElapsed(), p.retryOn(), p.maxReplayBytes()));
        policy = step(policy, "retryOn", retry.getRetryOn(), p -> new RetryPolicy(p.maxAttempts(),
                p.initialBackoff(), p.maxBackoff(), p.maxElapsed(), retry.getRetryOn(), p.maxReplayBytes()));
        int maxReplayBytes = SettingsErrors.<Integer>mapped(RETRY, AwsBidiProperties.Retry.class,
                () -> toInt("maxReplayBytes", retry.getMaxReplayBytes()));
        return step(policy, "maxReplayBytes", retry.getMaxReplayBytes(), p -> new RetryPolicy(p.maxAttempts(),
                p.initialBackoff(), p.maxBackoff(), p.maxElapsed(), p.retryOn(), maxReplayBytes));
    }

    private static RetryPolicy step(RetryPolicy policy, String field, @Nullable Object value,
            java.util.function.UnaryOperator<RetryPolicy> change) {
        try {
            return change.apply(policy);
        }
        catch (InvalidSettingException ex) {
            throw SettingsErrors.invalid(RETRY, AwsBidiProperties.Retry.class, ex);
        }
        catch (BidiStreamException ex) {
            String property = RETRY + "." + SettingsErrors.propertyName(AwsBidiProperties.Retry.class, field);
            throw new AwsBidiConfigurationException(property, "Invalid " + property + ": " + ex.detail() + ".",
                    "Set " + property + " to a value within the limit, or remove it to use the default.", ex);
        }
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static int toInt(String field, DataSize size) {
        InvalidSettingException.require(size.toBytes() <= Integer.MAX_VALUE, field, size, "must be below 2GB");
        return (int) size.toBytes();
    }
}
