/**
 * The SageMaker {@code InvokeEndpointWithBidirectionalStream} session.
 */
@NullMarked
package io.github.awsbidi.core.sagemaker;

import org.jspecify.annotations.NullMarked;
