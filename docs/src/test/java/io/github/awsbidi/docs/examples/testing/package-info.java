/** Examples of the testing pages: the emulator's JUnit extension, Testcontainers and {@code @ServiceConnection}. */
@NullMarked
package io.github.awsbidi.docs.examples.testing;

import org.jspecify.annotations.NullMarked;
