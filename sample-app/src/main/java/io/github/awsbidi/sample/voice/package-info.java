/** A Nova Sonic voice agent with a tool, as the README shows it. */
@NullMarked
package io.github.awsbidi.sample.voice;

import org.jspecify.annotations.NullMarked;
