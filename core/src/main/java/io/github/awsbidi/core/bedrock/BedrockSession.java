package io.github.awsbidi.core.bedrock;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.internal.TransportSession;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;

/**
 * A {@link BidirectionalSession} over Bedrock's {@code InvokeModelWithBidirectionalStream}: each frame is one
 * {@code chunk} of UTF-8 JSON ({@link Frame#json(String)}); response chunks arrive as {@link
 * io.github.awsbidi.core.DataType#UTF8} frames. Every modeled exception ends the responses with a
 * {@link BidiStreamException} of the matching kind.
 * <p>
 * The client should come from {@link io.github.awsbidi.core.client.BidiClientFactory}, which pins HTTP/2 and turns
 * off the SDK's retries; the session does not close it.
 */
public final class BedrockSession extends TransportSession<InvokeModelWithBidirectionalStreamInput> {

    private BedrockSession(
            String name, BedrockRuntimeAsyncClient client, BedrockSessionSettings settings, SessionOptions options) {
        super(name, new BedrockTransport(client, settings, regionId(client)), options);
    }

    /** A session with default {@link SessionOptions}. */
    public static BedrockSession create(
            String name, BedrockRuntimeAsyncClient client, BedrockSessionSettings settings) {
        return create(name, client, settings, SessionOptions.defaults());
    }

    /** A session named {@code name} invoking {@code settings}' model through {@code client}. */
    public static BedrockSession create(
            String name, BedrockRuntimeAsyncClient client, BedrockSessionSettings settings, SessionOptions options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
        return new BedrockSession(name, client, settings, options);
    }

    private static String regionId(BedrockRuntimeAsyncClient client) {
        Region region = client.serviceClientConfiguration().region();
        return region != null ? region.id() : "unknown";
    }
}
