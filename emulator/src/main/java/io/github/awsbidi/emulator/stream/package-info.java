/**
 * One bidirectional event stream on one HTTP/2 stream, as a pipeline of single-job handlers
 * ({@link io.github.awsbidi.emulator.stream.BidiStreamPipeline}): signature checks, event-stream framing,
 * fault injection, one place where streams end, and the {@link io.github.awsbidi.emulator.stream.StreamOperation}
 * SPI that the SageMaker and Bedrock simulations implement.
 */
@NullMarked
package io.github.awsbidi.emulator.stream;

import org.jspecify.annotations.NullMarked;
