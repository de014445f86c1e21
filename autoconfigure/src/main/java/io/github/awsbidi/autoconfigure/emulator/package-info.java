/**
 * Development-time auto-configuration that runs the AWS bidi emulator inside the application and connects every
 * session to it. It lives here rather than in the emulator module, which stays free of Spring.
 */
@NullMarked
package io.github.awsbidi.autoconfigure.emulator;

import org.jspecify.annotations.NullMarked;
