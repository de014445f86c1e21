package io.github.awsbidi.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.emulator.wire.EventStreamDecoder;
import io.github.awsbidi.emulator.wire.EventStreamEncoder;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.github.awsbidi.emulator.wire.Header;
import io.github.awsbidi.emulator.wire.HeaderType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;

class ChunkSignatureChainTests {

    private static final Instant START = Instant.parse("2025-11-20T23:59:58.500Z");

    private static final List<EventStreamMessage> EVENTS = List.of(
            EventStreamMessage.event("chunk", "application/json", json("{\"event\":{\"sessionStart\":{}}}")),
            EventStreamMessage.event("chunk", "application/json", json("{\"event\":{\"promptStart\":{}}}")),
            EventStreamMessage.event("chunk", "application/json", json("{\"event\":{\"sessionEnd\":{}}}")));

    /** The SDK reads its clock once for the request and once per event: a step per reading. */
    private final SteppingClock signerClock = new SteppingClock(START, Duration.ofMillis(700));

    private final SteppingClock serverClock = SteppingClock.fixed(START.plusSeconds(2));

    private final SigV4Verifier verifier = new SigV4Verifier(CredentialStore.defaults(), this.serverClock);

    @Test
    void verifiesEverySdkSignedEnvelopeInOrderAcrossMidnight() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        List<EventStreamMessage> envelopes = decode(stream.frames());
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();

        assertThat(envelopes).hasSize(EVENTS.size() + 1);
        for (EventStreamMessage envelope : envelopes) {
            assertThat(envelope.headers()).extracting(Header::name).containsExactly(":date", ":chunk-signature");
            assertThat(envelope.headers())
                    .extracting(Header::type)
                    .containsExactly(HeaderType.TIMESTAMP, HeaderType.BYTE_ARRAY);
            assertThat(chain.finalChunkSeen()).isFalse();
            chain.verifyNext(envelope);
        }
        assertThat(chain.finalChunkSeen()).isTrue();
        assertThat(envelopes.get(0).header(":date").orElseThrow().timestampValue())
                .isBefore(Instant.parse("2025-11-21T00:00:00Z"));
        assertThat(envelopes.get(EVENTS.size()).header(":date").orElseThrow().timestampValue())
                .isAfter(Instant.parse("2025-11-21T00:00:00Z"));
        assertThat(envelopes.get(EVENTS.size()).payload()).isEmpty();
        assertThat(decode(envelopes.subList(0, EVENTS.size()).stream()
                        .map(EventStreamMessage::payload)
                        .toList()))
                .isEqualTo(EVENTS);
    }

    @Test
    void tamperedPayloadIsAnInvalidSignature() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        List<EventStreamMessage> envelopes = decode(stream.frames());
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();
        chain.verifyNext(envelopes.get(0));
        byte[] payload = envelopes.get(1).payload().clone();
        payload[payload.length - 10] ^= 1;

        assertInvalid(chain, new EventStreamMessage(envelopes.get(1).headers(), payload));
    }

    @Test
    void tamperedDateIsAnInvalidSignature() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        EventStreamMessage first = decode(stream.frames()).get(0);
        Instant date = first.header(":date").orElseThrow().timestampValue();
        EventStreamMessage otherDate = new EventStreamMessage(
                List.of(
                        Header.timestamp(":date", date.plusSeconds(1)),
                        first.header(":chunk-signature").orElseThrow()),
                first.payload());

        assertInvalid(this.verifier.verify(stream.request()).chunkChain(), otherDate);
    }

    @Test
    void reorderedEnvelopeIsAnInvalidSignature() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        List<EventStreamMessage> envelopes = decode(stream.frames());
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();

        assertInvalid(chain, envelopes.get(1));
    }

    @Test
    void replayedEnvelopeIsAnInvalidSignature() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        List<EventStreamMessage> envelopes = decode(stream.frames());
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();
        chain.verifyNext(envelopes.get(0));

        assertInvalid(chain, envelopes.get(0));
    }

    @Test
    void envelopesOfAnotherRequestChainFromTheWrongPreviousSignature() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        SdkSigning.SignedStream other = signBedrockStream();
        assertThat(other.request().header("authorization"))
                .isNotEqualTo(stream.request().header("authorization"));
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();

        assertInvalid(chain, decode(other.frames()).get(0));
    }

    @Test
    void wrongSeedIsAnInvalidSignature() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        ChunkSignatureChain chain =
                new ChunkSignatureChain("test", "us-east-1", "bedrock", "0".repeat(64), this.serverClock);

        assertInvalid(chain, decode(stream.frames()).get(0));
    }

    @Test
    void envelopeDated16MinutesAwayIsRejected() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        List<EventStreamMessage> envelopes = decode(stream.frames());
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();
        chain.verifyNext(envelopes.get(0));

        this.serverClock.set(START.plus(Duration.ofMinutes(16)).plusSeconds(5));
        assertThatThrownBy(() -> chain.verifyNext(envelopes.get(1)))
                .hasMessageStartingWith("Signature expired: ")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("InvalidSignatureException");

        this.serverClock.set(START.minus(Duration.ofMinutes(16)));
        assertThatThrownBy(() -> chain.verifyNext(envelopes.get(1)))
                .hasMessageStartingWith("Signature not yet current: ")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("InvalidSignatureException");

        this.serverClock.set(START.plusSeconds(2));
        chain.verifyNext(envelopes.get(1));
    }

    @Test
    void envelopeWithoutSignatureHeadersIsIncomplete() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();
        EventStreamMessage first = decode(stream.frames()).get(0);

        EventStreamMessage noSignature =
                new EventStreamMessage(List.of(first.headers().get(0)), first.payload());
        EventStreamMessage noDate =
                new EventStreamMessage(List.of(first.headers().get(1)), first.payload());
        EventStreamMessage shortSignature = new EventStreamMessage(
                List.of(first.headers().get(0), Header.bytes(":chunk-signature", new byte[31])), first.payload());

        for (EventStreamMessage envelope : List.of(noSignature, noDate, shortSignature)) {
            assertThatThrownBy(() -> chain.verifyNext(envelope))
                    .extracting(ex -> ((SignatureException) ex).errorType())
                    .isEqualTo("IncompleteSignatureException");
        }
        chain.verifyNext(first);
    }

    @Test
    void nothingMayFollowTheFinalEnvelope() throws SignatureException {
        SdkSigning.SignedStream stream = signBedrockStream();
        List<EventStreamMessage> envelopes = decode(stream.frames());
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();
        for (EventStreamMessage envelope : envelopes) {
            chain.verifyNext(envelope);
        }

        assertThatThrownBy(() -> chain.verifyNext(envelopes.get(0)))
                .hasMessageContaining("after the final")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("InvalidSignatureException");
    }

    @Test
    void sageMakerStreamVerifies() throws SignatureException {
        SdkHttpRequest unsigned = SdkSigning.streamingRequest(
                        "runtime.sagemaker.us-east-1.amazonaws.com:8443", SdkSigning.SAGEMAKER_PATH)
                .build();
        SdkSigning.SignedStream stream = new SdkSigning("test", "test", this.signerClock)
                .signStream(
                        unsigned,
                        "sagemaker",
                        List.of(EventStreamEncoder.encodeToBytes(EventStreamMessage.event(
                                "PayloadPart", "application/octet-stream", new byte[] {1, 2, 3}))));
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();
        for (EventStreamMessage envelope : decode(stream.frames())) {
            chain.verifyNext(envelope);
        }
        assertThat(chain.finalChunkSeen()).isTrue();
    }

    @Test
    void oneChainVerifiesALongStreamAndStillCatchesATamperedEnvelopeInTheMiddle() throws SignatureException {
        // Long enough that the chain's one HMAC and digest are reused hundreds of times, and dated across
        // midnight so the HMAC is re-keyed half-way.
        int count = 600;
        List<byte[]> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(EventStreamEncoder.encodeToBytes(EventStreamMessage.event(
                    "chunk", "application/json", json("{\"event\":{\"audioInput\":{\"n\":" + i + "}}}"))));
        }
        SdkSigning.SignedStream stream = new SdkSigning("test", "test", this.signerClock)
                .signStream(
                        SdkSigning.streamingRequest("bedrock-runtime.us-east-1.amazonaws.com", SdkSigning.BEDROCK_PATH)
                                .build(),
                        "bedrock",
                        events);
        List<EventStreamMessage> envelopes = decode(stream.frames());
        assertThat(envelopes).hasSize(count + 1);
        assertThat(envelopes.get(0).header(":date").orElseThrow().timestampValue())
                .isBefore(Instant.parse("2025-11-21T00:00:00Z"));
        assertThat(envelopes.get(count).header(":date").orElseThrow().timestampValue())
                .isAfter(Instant.parse("2025-11-21T00:00:00Z"));
        ChunkSignatureChain chain = this.verifier.verify(stream.request()).chunkChain();
        int middle = count / 2;
        for (int i = 0; i < middle; i++) {
            chain.verifyNext(envelopes.get(i));
        }

        EventStreamMessage genuine = envelopes.get(middle);
        byte[] payload = genuine.payload().clone();
        payload[payload.length / 2] ^= 1;
        assertInvalid(chain, new EventStreamMessage(genuine.headers(), payload));
        assertInvalid(chain, envelopes.get(middle + 1));

        // A rejected envelope leaves the chain where it was: the genuine one and the rest still verify.
        for (int i = middle; i <= count; i++) {
            chain.verifyNext(envelopes.get(i));
        }
        assertThat(chain.finalChunkSeen()).isTrue();
    }

    private SdkSigning.SignedStream signBedrockStream() {
        SdkHttpRequest unsigned = SdkSigning.streamingRequest(
                        "bedrock-runtime.us-east-1.amazonaws.com", SdkSigning.BEDROCK_PATH)
                .build();
        return new SdkSigning("test", "test", this.signerClock)
                .signStream(
                        unsigned,
                        "bedrock",
                        EVENTS.stream().map(EventStreamEncoder::encodeToBytes).toList());
    }

    private static void assertInvalid(ChunkSignatureChain chain, EventStreamMessage envelope) {
        assertThatThrownBy(() -> chain.verifyNext(envelope))
                .hasMessageStartingWith(SignatureException.MISMATCH_MESSAGE)
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("InvalidSignatureException");
        assertThat(chain.finalChunkSeen()).isFalse();
    }

    /** Decodes frames the way the server does: one decoder for the stream, pooled buffers. */
    private static List<EventStreamMessage> decode(List<byte[]> frames) {
        List<EventStreamMessage> messages = new ArrayList<>();
        try (EventStreamDecoder decoder = new EventStreamDecoder(1024 * 1024)) {
            for (byte[] frame : frames) {
                ByteBuf buf =
                        PooledByteBufAllocator.DEFAULT.buffer(frame.length).writeBytes(frame);
                try {
                    decoder.decode(buf, messages::add);
                } finally {
                    buf.release();
                }
            }
            assertThat(decoder.hasPendingBytes()).isFalse();
        }
        return messages;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
