/**
 * SageMaker {@code InvokeEndpointWithBidirectionalStream}: header validation, variant routing and the
 * bridge that forwards each {@code PayloadPart} to a model container over WebSocket, as SageMaker does.
 */
@NullMarked
package io.github.awsbidi.emulator.sagemaker;

import org.jspecify.annotations.NullMarked;
