/**
 * The AWS event-stream binary framing ({@code application/vnd.amazon.eventstream}): message model,
 * an incremental bounded-memory decoder and an encoder, written independently of the AWS SDK.
 */
@NullMarked
package io.github.awsbidi.emulator.wire;

import org.jspecify.annotations.NullMarked;
