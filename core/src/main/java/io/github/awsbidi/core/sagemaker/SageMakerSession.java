package io.github.awsbidi.core.sagemaker;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.internal.TransportSession;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.RequestStreamEvent;

/**
 * A {@link BidirectionalSession} over SageMaker's {@code InvokeEndpointWithBidirectionalStream}: each frame is one
 * {@code PayloadPart} (data type, completion state and padding preserved both ways), the invoked production variant
 * is reported on the {@link Exchange}, and {@code ModelStreamError} / {@code InternalStreamFailure} events end the
 * responses with a {@link BidiStreamException} that keeps their error code and message.
 * <p>
 * The client should come from {@link io.github.awsbidi.core.client.BidiClientFactory}, which pins HTTP/2 and turns
 * off the SDK's retries; the session does not close it.
 */
public final class SageMakerSession extends TransportSession<RequestStreamEvent> {

    private SageMakerSession(
            String name,
            SageMakerRuntimeHttp2AsyncClient client,
            SageMakerSessionSettings settings,
            SessionOptions options) {
        super(name, new SageMakerTransport(client, settings, regionId(client)), options);
    }

    /** A session with default {@link SessionOptions}. */
    public static SageMakerSession create(
            String name, SageMakerRuntimeHttp2AsyncClient client, SageMakerSessionSettings settings) {
        return create(name, client, settings, SessionOptions.defaults());
    }

    /** A session named {@code name} invoking {@code settings}' endpoint through {@code client}. */
    public static SageMakerSession create(
            String name,
            SageMakerRuntimeHttp2AsyncClient client,
            SageMakerSessionSettings settings,
            SessionOptions options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
        return new SageMakerSession(name, client, settings, options);
    }

    private static String regionId(SageMakerRuntimeHttp2AsyncClient client) {
        Region region = client.serviceClientConfiguration().region();
        return region != null ? region.id() : "unknown";
    }
}
