package io.github.awsbidi.emulator.stream;

import io.netty.channel.ChannelPipeline;
import java.util.UUID;

/**
 * Builds the pipeline of one bidirectional HTTP/2 stream, one job per handler, in the way of Netty's own
 * codecs. Inbound, in order:
 * <ol>
 * <li>{@link RequestAuthenticator}: SigV4 on the request headers → {@link VerifiedHead};</li>
 * <li>{@link StreamOpener}: resolver decision, open faults, 200 headers → {@link StreamOpened};</li>
 * <li>{@link EnvelopeDecoder}: DATA frames → signed envelopes, END_STREAM → {@link InputEnd};</li>
 * <li>{@link ChunkSignatureVerifier}: the chained envelope signatures → event bytes;</li>
 * <li>{@link EventDecoder}: event bytes → request events;</li>
 * <li>{@link FrameFaults}: the in-stream faults, counted in request events;</li>
 * <li>{@link OperationBridge}: the simulated model ({@link StreamOperation}) and its {@link StreamContext};</li>
 * <li>{@link StreamTerminator}: every end of the stream, rejections and malformed input included.</li>
 * </ol>
 * Outbound, {@link EventStreamFrameEncoder} turns response events into DATA frames. Handlers report a failure
 * by throwing {@link StreamRejection} (or the decoder's format exception) or firing a {@link StreamEnd}; only
 * the terminator writes ends.
 */
public final class BidiStreamPipeline {

    private BidiStreamPipeline() {}

    /** Adds the stream handlers for an operation of {@code resolver} to a new HTTP/2 stream's pipeline. */
    public static void install(ChannelPipeline pipeline, StreamEnvironment environment, StreamResolver resolver) {
        String requestId = UUID.randomUUID().toString();
        // Nothing is read (and no flow-control window returned) until the stream is open.
        pipeline.channel().config().setAutoRead(false);
        pipeline.addLast(
                new EventStreamFrameEncoder(),
                new RequestAuthenticator(environment.verifier(), resolver.signingService()),
                new StreamOpener(resolver, environment, requestId),
                new EnvelopeDecoder(environment.maxEventBytes()),
                new ChunkSignatureVerifier(),
                new EventDecoder(environment.maxEventBytes()),
                new FrameFaults(),
                new OperationBridge(),
                new StreamTerminator(environment.observer(), requestId));
    }
}
