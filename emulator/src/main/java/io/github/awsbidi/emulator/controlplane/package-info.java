/**
 * The control-plane calls that health checks make: SageMaker {@code DescribeEndpoint} (awsJson 1.1)
 * and Bedrock {@code GetFoundationModel} (restJson), over HTTP/1.1 or HTTP/2.
 */
@NullMarked
package io.github.awsbidi.emulator.controlplane;

import org.jspecify.annotations.NullMarked;
