/**
 * Amazon Polly's {@code StartSpeechSynthesisStream} as a {@link io.github.awsbidi.core.BidirectionalSession}: UTF-8
 * text frames in, audio frames out ({@link io.github.awsbidi.polly.PollySession}), the frame conventions in
 * {@link io.github.awsbidi.polly.PollyFrames} and a typed helper for one utterance stream
 * ({@link io.github.awsbidi.polly.PollySpeech}).
 */
@NullMarked
package io.github.awsbidi.polly;

import org.jspecify.annotations.NullMarked;
