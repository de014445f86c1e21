/** 16-bit little-endian mono PCM helpers: resampling, chunking, energy, base64 and a rolling buffer. */
@NullMarked
package io.github.awsbidi.novasonic.audio;

import org.jspecify.annotations.NullMarked;
