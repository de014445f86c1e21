/**
 * The Bedrock {@code InvokeModelWithBidirectionalStream} session.
 */
@NullMarked
package io.github.awsbidi.core.bedrock;

import org.jspecify.annotations.NullMarked;
