/**
 * The aws-bidi emulator image as a Testcontainers container: {@link io.github.awsbidi.testcontainers.BidiEmulatorContainer}.
 */
@NullMarked
package io.github.awsbidi.testcontainers;

import org.jspecify.annotations.NullMarked;
