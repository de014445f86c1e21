/**
 * Amazon Polly's {@code StartSpeechSynthesisStream}: header validation, the text and close events in,
 * deterministic speech-like audio and the billed characters out, the idle close and the stream limit, as the
 * Polly API reference and developer guide ("bidirectional streaming") describe them.
 */
@NullMarked
package io.github.awsbidi.emulator.polly;

import org.jspecify.annotations.NullMarked;
