/**
 * A scripted Amazon Nova 2 Sonic: a transport-free state machine that validates the input event
 * protocol of Bedrock {@code InvokeModelWithBidirectionalStream} and answers with deterministic
 * transcripts, synthesized speech, tool use, usage and the service's failure modes.
 */
@NullMarked
package io.github.awsbidi.emulator.novasonic;

import org.jspecify.annotations.NullMarked;
