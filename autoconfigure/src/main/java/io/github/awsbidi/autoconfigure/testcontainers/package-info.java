/**
 * Testcontainers support: a {@code @ServiceConnection} to a {@code BidiEmulatorContainer} gives every session its
 * {@link io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails}.
 */
@NullMarked
package io.github.awsbidi.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
