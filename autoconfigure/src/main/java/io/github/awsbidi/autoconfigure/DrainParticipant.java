package io.github.awsbidi.autoconfigure;

import reactor.core.publisher.Mono;

/**
 * Something that ends its own long-lived work when the application shuts down, before the exchanges it holds are
 * waited for: {@link SessionDrain} calls every such bean once new exchanges are refused. The Nova Sonic
 * auto-configuration contributes one that sends each open conversation's closing sequence.
 */
@FunctionalInterface
public interface DrainParticipant {

    /** Starts ending the work; completes when it has ended. */
    Mono<Void> drain();
}
