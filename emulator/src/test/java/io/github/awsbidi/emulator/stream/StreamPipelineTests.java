package io.github.awsbidi.emulator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.auth.CredentialStore;
import io.github.awsbidi.emulator.auth.SigV4Verifier;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.wire.EventStreamDecoder;
import io.github.awsbidi.emulator.wire.EventStreamEncoder;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The stream pipeline on an embedded channel, fed HTTP/2 frames signed by the SDK's own signer: what goes
 * out for each kind of end, and that every inbound buffer is released, whichever handler ends the stream.
 */
class StreamPipelineTests {

    private static final String PATH = "/model/echo-unit/invoke-with-bidirectional-stream";

    private final RecordingOperation operation = new RecordingOperation();
    private final List<ByteBuf> sent = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<EventLoop> resolvedOn = new ArrayList<>();

    StreamPipelineTests() {
        StreamResolver resolver = new StreamResolver() {
            @Override
            public boolean matches(String path) {
                return true;
            }

            @Override
            public String signingService() {
                return "bedrock";
            }

            @Override
            public CompletionStage<OpenDecision> resolve(RequestHead head, EventLoop streamLoop) {
                resolvedOn.add(streamLoop);
                return CompletableFuture.completedFuture(new OpenDecision.Open(operation, Map.of(), Faults.none()));
            }
        };
        StreamEnvironment environment = new StreamEnvironment(
                new SigV4Verifier(CredentialStore.defaults(), Clock.systemUTC()),
                List.of(resolver),
                1024 * 1024,
                new NoObserver(),
                new OpenAttempts());
        BidiStreamPipeline.install(channel.pipeline(), environment, resolver);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void anEnvelopeCutShortBeforeEndStreamFailsWithSerializationExceptionAndEveryBufferIsReleased() {
        Signed signed = sign("test", List.of("{\"n\":1}", "{\"n\":2}"));
        open(signed);
        byte[] second = signed.envelopes().get(1);

        receive(signed.envelopes().get(0), false);
        receive(java.util.Arrays.copyOf(second, second.length / 2), true);

        assertThat(operation.events).containsExactly("{\"n\":1}");
        assertThat(operation.cancelled).isTrue();
        List<Object> out = outbound();
        assertThat(out.get(0))
                .isInstanceOfSatisfying(
                        Http2HeadersFrame.class,
                        frame -> assertThat(frame.headers().status()).hasToString("200"));
        assertThat(events(out.subList(1, out.size()))).last().satisfies(error -> {
            assertThat(error.stringHeader(":message-type")).contains("error");
            assertThat(error.stringHeader(":error-code")).contains("SerializationException");
            assertThat(error.stringHeader(":error-message").orElseThrow()).contains("input ended inside a message");
        });
        assertThat(out.get(out.size() - 1))
                .isInstanceOfSatisfying(
                        Http2DataFrame.class,
                        frame -> assertThat(frame.isEndStream()).isTrue());
        assertThat(sent).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    @Test
    void aWrongSignatureIsAnErrorResponseWithItsMessageAndNoReset() {
        Signed signed = sign("not-the-secret", List.of("{\"n\":1}"));

        channel.writeInbound(new DefaultHttp2HeadersFrame(signed.headers()));
        channel.runPendingTasks();
        receive(signed.envelopes().get(0), true);

        List<Object> out = outbound();
        assertThat(out).hasSize(2).noneMatch(Http2ResetFrame.class::isInstance);
        assertThat(out.get(0)).isInstanceOfSatisfying(Http2HeadersFrame.class, frame -> {
            assertThat(frame.headers().status()).hasToString("403");
            assertThat(frame.headers().get("x-amzn-errortype")).hasToString("InvalidSignatureException");
        });
        assertThat(out.get(1)).isInstanceOfSatisfying(Http2DataFrame.class, frame -> {
            assertThat(frame.isEndStream()).isTrue();
            assertThat(frame.content().toString(StandardCharsets.UTF_8))
                    .startsWith("{\"message\":\"The request signature we calculated does not match");
        });
        assertThat(operation.started).isFalse();
        assertThat(sent).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    @Test
    void whatTheClientSendsAfterTheEndIsReleasedUnread() {
        Signed signed = sign("test", List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"));
        open(signed);
        operation.completeOnFirstEvent = true;

        receive(signed.envelopes().get(0), false);
        receive(signed.envelopes().get(1), false);
        receive(signed.envelopes().get(2), true);

        // The resolver is handed the stream's own event loop, for the connections it opens (SageMaker's).
        assertThat(resolvedOn).containsExactly(channel.eventLoop());
        assertThat(operation.events).containsExactly("{\"n\":1}");
        assertThat(operation.cancelled).isFalse();
        assertThat(sent).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    private void open(Signed signed) {
        channel.writeInbound(new DefaultHttp2HeadersFrame(signed.headers()));
        channel.runPendingTasks();
        assertThat(operation.started).isTrue();
    }

    private void receive(byte[] bytes, boolean endStream) {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(bytes.length).writeBytes(bytes);
        sent.add(buffer);
        channel.writeInbound(new DefaultHttp2DataFrame(buffer, endStream));
        channel.runPendingTasks();
    }

    private List<Object> outbound() {
        List<Object> out = new ArrayList<>();
        for (Object msg = channel.readOutbound(); msg != null; msg = channel.readOutbound()) {
            out.add(msg);
        }
        return out;
    }

    /** The response events in DATA frames (released here). */
    private static List<EventStreamMessage> events(List<Object> frames) {
        List<EventStreamMessage> events = new ArrayList<>();
        try (EventStreamDecoder decoder = new EventStreamDecoder(1024 * 1024)) {
            for (Object frame : frames) {
                Http2DataFrame data = (Http2DataFrame) frame;
                decoder.decode(data.content(), events::add);
                data.release();
            }
        }
        return events;
    }

    private static Signed sign(String secret, List<String> chunks) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("https://bedrock-runtime.us-east-1.amazonaws.com" + PATH))
                .putHeader("Content-Type", "application/vnd.amazon.eventstream")
                .build();
        List<ByteBuffer> events = chunks.stream()
                .map(chunk -> ByteBuffer.wrap(EventStreamEncoder.encodeToBytes(
                        EventStreamMessage.event("chunk", "application/json", chunk.getBytes(StandardCharsets.UTF_8)))))
                .toList();
        AsyncSignedRequest signed = AwsV4HttpSigner.create()
                .signAsync(AsyncSignRequest.builder(AwsCredentialsIdentity.create("test", secret))
                        .request(request)
                        .payload(Flux.fromIterable(events))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                        .build())
                .join();
        Http2Headers headers = new DefaultHttp2Headers()
                .method("POST")
                .path(PATH)
                .scheme("https")
                .authority("bedrock-runtime.us-east-1.amazonaws.com");
        signed.request()
                .forEachHeader((name, values) ->
                        values.forEach(value -> headers.add(name.toLowerCase(java.util.Locale.ROOT), value)));
        List<byte[]> envelopes = Flux.from(signed.payload().orElseThrow())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                })
                .collectList()
                .block();
        return new Signed(headers, envelopes);
    }

    private record Signed(Http2Headers headers, List<byte[]> envelopes) {}

    /** Echoes each event; records what it was told. */
    private static final class RecordingOperation implements StreamOperation {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean started;
        volatile boolean cancelled;
        volatile boolean completeOnFirstEvent;
        private StreamContext context;

        @Override
        public void start(StreamContext streamContext) {
            started = true;
            context = streamContext;
        }

        @Override
        public void onEvent(EventStreamMessage event) {
            events.add(new String(event.payload(), StandardCharsets.UTF_8));
            context.send(event);
            if (completeOnFirstEvent) {
                context.complete();
            }
        }

        @Override
        public void onInputComplete() {
            context.complete();
        }

        @Override
        public void onCancel() {
            cancelled = true;
        }
    }

    private static final class NoObserver implements StreamObserver {
        @Override
        public void opened() {}

        @Override
        public void completed() {}

        @Override
        public void resetByClient() {}

        @Override
        public void closed() {}
    }
}
