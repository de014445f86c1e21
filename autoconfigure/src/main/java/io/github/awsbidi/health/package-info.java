/**
 * Health indicators for sessions, answered through the AWS control plane (SageMaker {@code DescribeEndpoint},
 * Bedrock {@code GetFoundationModel}) and never by opening a stream. No Boot conditions here: the
 * auto-configuration lives in {@code io.github.awsbidi.autoconfigure.health}.
 */
@NullMarked
package io.github.awsbidi.health;

import org.jspecify.annotations.NullMarked;
