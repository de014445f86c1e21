/**
 * Bedrock {@code InvokeModelWithBidirectionalStream}: model routing and the {@code chunk} framing around
 * the scripted Nova Sonic (or the echo model).
 */
@NullMarked
package io.github.awsbidi.emulator.bedrock;

import org.jspecify.annotations.NullMarked;
