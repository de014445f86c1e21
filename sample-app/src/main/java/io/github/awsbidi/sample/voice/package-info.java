/**
 * The voice page's server side: a Nova Sonic voice agent with a tool (as the README shows it); for the page's voice
 * agent, which speaks the OpenAI Realtime protocol to the façade at {@code /v1/realtime}, its client secret
 * ({@link io.github.awsbidi.sample.voice.VoiceSecretController}) and its tool runner
 * ({@link io.github.awsbidi.sample.voice.VoiceToolController}); the transcriber panel's WebSocket over the SageMaker
 * {@code transcriber} session ({@link io.github.awsbidi.sample.voice.TranscriberSocket}) and the speaker panel's over
 * the Polly {@code speaker} session ({@link io.github.awsbidi.sample.voice.SpeakerSocket}).
 */
@NullMarked
package io.github.awsbidi.sample.voice;

import org.jspecify.annotations.NullMarked;
