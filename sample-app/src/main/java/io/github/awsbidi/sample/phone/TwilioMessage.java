package io.github.awsbidi.sample.phone;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON text messages of a bidirectional Twilio Media Stream (Twilio's "Media Streams - WebSocket Messages"
 * page). Twilio sends {@code connected}, {@code start}, {@code media}, {@code dtmf}, {@code mark} and {@code stop};
 * the application sends {@code media}, {@code mark} and {@code clear}, each naming the stream.
 */
sealed interface TwilioMessage {

    /** From Twilio. */
    sealed interface Inbound extends TwilioMessage {}

    /** To Twilio: every message carries the stream's id. */
    sealed interface Outbound extends TwilioMessage {

        String streamSid();
    }

    /** The first message: the protocol ({@code Call}) and its version. */
    record Connected(String protocol, String version) implements Inbound {}

    /**
     * Once, after {@code connected}: which call and stream, which tracks, the audio format and the
     * {@code <Parameter>}s of the TwiML {@code <Stream>}.
     */
    record Start(
            String streamSid,
            String accountSid,
            String callSid,
            List<String> tracks,
            MediaFormat mediaFormat,
            Map<String, String> customParameters)
            implements Inbound {

        public Start {
            tracks = List.copyOf(tracks);
            customParameters = Map.copyOf(customParameters);
        }
    }

    /** The stream's audio format: {@code audio/x-mulaw}, 8000 Hz, one channel. */
    record MediaFormat(String encoding, int sampleRate, int channels) {

        /** What Twilio streams: G.711 μ-law at 8 kHz, mono. */
        static final MediaFormat MULAW_8K = new MediaFormat("audio/x-mulaw", 8_000, 1);
    }

    /**
     * A piece of the caller's audio (usually 20 ms).
     *
     * @param track {@code inbound} for the caller
     * @param chunk the chunk's number, from 1
     * @param timestamp milliseconds since the stream started
     * @param payload the μ-law bytes (base64 on the wire)
     */
    record Media(String streamSid, String track, long chunk, long timestamp, byte[] payload) implements Inbound {}

    /** The caller pressed a key. */
    record Dtmf(String streamSid, String track, String digit) implements Inbound {}

    /** A mark the application sent came back: the audio sent before it has been played to the caller. */
    record Mark(String streamSid, String name) implements Inbound {}

    /** The stream ended (the call hung up or the stream was stopped); the last message. */
    record Stop(String streamSid, String accountSid, String callSid) implements Inbound {}

    /** Audio for the caller: μ-law at 8 kHz (base64 on the wire). */
    record OutboundMedia(String streamSid, byte[] payload) implements Outbound {

        public OutboundMedia {
            Objects.requireNonNull(streamSid, "streamSid");
        }
    }

    /** Asks Twilio to send back a {@link Mark} of this name once the audio sent so far has played. */
    record OutboundMark(String streamSid, String name) implements Outbound {}

    /** Drops the audio Twilio has buffered and not yet played (a barge-in). */
    record Clear(String streamSid) implements Outbound {}
}
