/**
 * One bidirectional event stream on one HTTP/2 stream: signature checks, event-stream framing,
 * fault injection, and the {@link io.github.awsbidi.emulator.stream.StreamOperation} SPI that the
 * SageMaker and Bedrock simulations implement.
 */
@NullMarked
package io.github.awsbidi.emulator.stream;

import org.jspecify.annotations.NullMarked;
