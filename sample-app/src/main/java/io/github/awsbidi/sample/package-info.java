/**
 * A sample WebFlux application that bridges WebSocket and HTTP clients to the injected
 * {@link io.github.awsbidi.core.BidirectionalSession} beans configured in {@code application.yaml}.
 */
@NullMarked
package io.github.awsbidi.sample;

import org.jspecify.annotations.NullMarked;
