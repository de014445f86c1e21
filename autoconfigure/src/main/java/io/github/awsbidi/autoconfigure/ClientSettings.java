package io.github.awsbidi.autoconfigure;

import java.util.function.Supplier;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * Maps {@link AwsBidiProperties} onto core's settings records, whose validation errors (field and limit) become
 * {@link AwsBidiConfigurationException}s naming the property group.
 */
final class ClientSettings {

    private ClientSettings() {
    }

    static HttpClientSettings http(AwsBidiProperties.Http http, @Nullable TlsTrustManagersProvider trustManagers) {
        return validated("aws.bidi.http", () -> new HttpClientSettings(http.getMaxConcurrency(),
                http.getMaxStreamsPerConnection(), http.getConnectTimeout(), http.getAcquireTimeout(),
                http.getReadTimeout(), http.getWriteTimeout(), http.getPingPeriod(),
                http.getInitialWindowSize() != null
                        ? toInt("aws.bidi.http.initial-window-size", http.getInitialWindowSize().toBytes()) : null,
                trustManagers));
    }

    static SessionOptions sessionOptions(AwsBidiProperties properties, ExchangeListener listener) {
        AwsBidiProperties.Retry retry = properties.getRetry();
        RetryPolicy retryPolicy = validated("aws.bidi.retry", () -> new RetryPolicy(retry.getMaxAttempts(),
                retry.getInitialBackoff(), retry.getMaxBackoff(), retry.getMaxElapsed(), retry.getRetryOn(),
                toInt("aws.bidi.retry.max-replay-size", retry.getMaxReplaySize().toBytes())));
        AwsBidiProperties.Exchange exchange = properties.getExchange();
        return validated("aws.bidi.exchange", () -> new SessionOptions(listener, retryPolicy,
                toInt("aws.bidi.exchange.max-frame-size", exchange.getMaxFrameSize().toBytes()),
                exchange.getSendBufferFrames()));
    }

    private static int toInt(String property, long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw BidiStreamException.validation(property + " must be below 2GB, was " + bytes + " bytes");
        }
        return (int) bytes;
    }

    private static <T> T validated(String group, Supplier<T> build) {
        try {
            return build.get();
        }
        catch (BidiStreamException ex) {
            String property = property(group, ex.detail());
            throw new AwsBidiConfigurationException(property, "Invalid " + property + ": " + ex.detail() + ".",
                    "Set " + property + " to a value within the limit, or remove it to use the default.", ex);
        }
    }

    /** The property behind the core field that a validation message starts with, e.g. maxConcurrency. */
    private static String property(String group, String detail) {
        if (detail.startsWith(group + ".")) {
            return detail.substring(0, detail.indexOf(' ') > 0 ? detail.indexOf(' ') : detail.length());
        }
        int end = 0;
        while (end < detail.length() && Character.isLetter(detail.charAt(end))) {
            end++;
        }
        String field = detail.substring(0, end);
        String key = switch (field) {
            case "healthCheckPingPeriod" -> "ping-period";
            case "maxFrameBytes" -> "max-frame-size";
            case "maxReplayBytes" -> "max-replay-size";
            default -> DataObjectPropertyName.toDashedForm(field);
        };
        return key.isEmpty() ? group : group + "." + key;
    }
}
