/**
 * 16-bit little-endian mono PCM helpers: resampling, chunking, energy, base64 and a rolling buffer; and telephony
 * audio: G.711 μ-law, 8 kHz conversion and 20 ms frame pacing.
 */
@NullMarked
package io.github.awsbidi.novasonic.audio;

import org.jspecify.annotations.NullMarked;
