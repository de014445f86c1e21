package io.github.awsbidi.polly;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.internal.TransportSession;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.polly.PollyAsyncClient;
import software.amazon.awssdk.services.polly.PollyAsyncClientBuilder;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamActionStream;

/**
 * A {@link BidirectionalSession} over Polly's {@code StartSpeechSynthesisStream}: UTF-8 text frames in, audio frames
 * out, a final {@code {"RequestCharacters":n}} frame ({@link PollyFrames}). The four modeled exceptions end the
 * responses with a {@link io.github.awsbidi.core.BidiStreamException} of the matching kind; opening is retried by the
 * session's {@link io.github.awsbidi.core.retry.RetryPolicy} like the other operations.
 * <p>
 * The client should come from {@link #client(BidiClientFactory, ConnectionSettings, List)}, which builds it on the
 * factory's shared Netty settings with HTTP/2 and no SDK retries; the session does not close it.
 */
public final class PollySession extends TransportSession<StartSpeechSynthesisStreamActionStream> {

    private final PollySessionSettings settings;

    private PollySession(String name, PollyAsyncClient client, PollySessionSettings settings, SessionOptions options) {
        super(name, new PollyTransport(client, settings, regionId(client)), options);
        this.settings = settings;
    }

    /** A session with default {@link SessionOptions}. */
    public static PollySession create(String name, PollyAsyncClient client, PollySessionSettings settings) {
        return create(name, client, settings, SessionOptions.defaults());
    }

    /** A session named {@code name} speaking with {@code settings}' voice through {@code client}. */
    public static PollySession create(
            String name, PollyAsyncClient client, PollySessionSettings settings, SessionOptions options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
        return new PollySession(name, client, settings, options);
    }

    /**
     * The Polly client {@code factory} shares for {@code connection}: its Netty settings, HTTP/2, the SDK's retries
     * off, then {@code customizers} (retries are turned off again after them, since the operation cannot work with).
     */
    public static PollyAsyncClient client(
            BidiClientFactory factory,
            ConnectionSettings connection,
            List<Consumer<PollyAsyncClientBuilder>> customizers) {
        return factory.client(Target.Service.POLLY, connection, PollyAsyncClient.class, (http, settings) -> {
            PollyAsyncClientBuilder builder = PollyAsyncClient.builder().httpClientBuilder(http);
            settings.applyTo(builder);
            customizers.forEach(customizer -> customizer.accept(builder));
            builder.overrideConfiguration(BidiClientFactory.withoutRetries(builder.overrideConfiguration()));
            return builder.build();
        });
    }

    /** What this session asks Polly for. */
    public PollySessionSettings settings() {
        return settings;
    }

    private static String regionId(PollyAsyncClient client) {
        Region region = client.serviceClientConfiguration().region();
        return region != null ? region.id() : "unknown";
    }
}
