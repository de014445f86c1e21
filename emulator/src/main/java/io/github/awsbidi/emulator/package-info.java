/**
 * A local server that speaks the real wire protocol of SageMaker
 * {@code InvokeEndpointWithBidirectionalStream} and Bedrock {@code InvokeModelWithBidirectionalStream}
 * (HTTP/2, AWS event-stream framing, SigV4), so the real AWS SDK clients run against it offline.
 * Start one with {@link io.github.awsbidi.emulator.BidiEmulator#start()}.
 */
@NullMarked
package io.github.awsbidi.emulator;

import org.jspecify.annotations.NullMarked;
