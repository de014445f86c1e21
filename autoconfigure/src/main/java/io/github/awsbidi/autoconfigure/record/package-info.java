/**
 * Recording exchanges as cassettes ({@code aws.bidi.record.*}): every exchange of the chosen sessions written to a
 * JSON-lines file the emulator can replay offline. Off by default.
 */
@NullMarked
package io.github.awsbidi.autoconfigure.record;

import org.jspecify.annotations.NullMarked;
