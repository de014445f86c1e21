package io.github.awsbidi.emulator.stream;

import java.util.concurrent.CompletionStage;

/** Decides how a bidirectional stream for one operation opens. */
public interface StreamResolver {

    /** Whether this resolver serves that request path. */
    boolean matches(String path);

    /** The SigV4 service name callers sign this operation with. */
    String signingService();

    /** Opens or rejects a stream; may complete on any thread. */
    CompletionStage<OpenDecision> resolve(RequestHead head);
}
