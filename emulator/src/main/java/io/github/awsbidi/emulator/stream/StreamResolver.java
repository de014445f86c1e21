package io.github.awsbidi.emulator.stream;

import io.netty.channel.EventLoop;
import java.util.concurrent.CompletionStage;

/** Decides how a bidirectional stream for one operation opens. */
public interface StreamResolver {

    /** Whether this resolver serves that request path. */
    boolean matches(String path);

    /** The SigV4 service name callers sign this operation with. */
    String signingService();

    /**
     * Opens or rejects a stream; may complete on any thread. Called on the stream's event loop,
     * {@code streamLoop}: a connection the operation opens for the stream should live on it, so that the
     * stream's frames and the connection's never cross threads.
     */
    CompletionStage<OpenDecision> resolve(RequestHead head, EventLoop streamLoop);
}
