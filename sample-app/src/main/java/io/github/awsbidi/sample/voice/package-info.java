/**
 * The voice page's server side: a Nova Sonic voice agent with a tool (as the README shows it), the WebSocket the
 * page talks to it through ({@link io.github.awsbidi.sample.voice.VoiceSocket}) and the transcriber panel's
 * WebSocket over the SageMaker {@code transcriber} session ({@link io.github.awsbidi.sample.voice.TranscriberSocket}) and
 * the speaker panel's over the Polly {@code speaker} session ({@link io.github.awsbidi.sample.voice.SpeakerSocket}).
 */
@NullMarked
package io.github.awsbidi.sample.voice;

import org.jspecify.annotations.NullMarked;
