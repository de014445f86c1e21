/**
 * The session API: {@link io.github.awsbidi.core.BidirectionalSession}, {@link io.github.awsbidi.core.Frame},
 * {@link io.github.awsbidi.core.Exchange} and the error model, shared by the SageMaker and Bedrock implementations.
 */
@NullMarked
package io.github.awsbidi.core;

import org.jspecify.annotations.NullMarked;
