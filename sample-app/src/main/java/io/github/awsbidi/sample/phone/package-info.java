/**
 * Phone calls to the Nova Sonic assistant: a Twilio Media Streams bridge ({@code POST /twilio/voice} answers TwiML,
 * {@code /twilio/media} carries the call's 8 kHz μ-law audio both ways).
 */
@NullMarked
package io.github.awsbidi.sample.phone;

import org.jspecify.annotations.NullMarked;
