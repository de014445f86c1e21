/**
 * The SageMaker model-container side of the emulator: a WebSocket client that talks to a model
 * container exactly as SageMaker does behind a bidirectional-streaming endpoint (one WebSocket data
 * frame per {@code PayloadPart}, RFC 6455 fragmentation for {@code PARTIAL} parts, pings), and
 * built-in containers ({@link io.github.awsbidi.emulator.container.BuiltInModel}) served by
 * {@link io.github.awsbidi.emulator.container.BuiltInContainerServer}.
 */
@NullMarked
package io.github.awsbidi.emulator.container;

import org.jspecify.annotations.NullMarked;
