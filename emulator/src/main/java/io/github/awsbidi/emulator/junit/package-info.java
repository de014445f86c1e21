/** A JUnit 5 extension that runs one emulator per test class. */
@NullMarked
package io.github.awsbidi.emulator.junit;

import org.jspecify.annotations.NullMarked;
