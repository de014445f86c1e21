package io.github.awsbidi.emulator.polly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.Cassettes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.polly.PollyAsyncClient;
import software.amazon.awssdk.services.polly.model.AudioEvent;
import software.amazon.awssdk.services.polly.model.Engine;
import software.amazon.awssdk.services.polly.model.FlushStreamConfiguration;
import software.amazon.awssdk.services.polly.model.OutputFormat;
import software.amazon.awssdk.services.polly.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamActionStream;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamRequest;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamResponseHandler;
import software.amazon.awssdk.services.polly.model.StreamClosedEvent;
import software.amazon.awssdk.services.polly.model.ThrottlingException;
import software.amazon.awssdk.services.polly.model.ValidationException;
import software.amazon.awssdk.services.polly.model.VoiceId;

/**
 * Polly cassettes written here by hand in the documented format and replayed to the real {@link PollyAsyncClient}:
 * text events matched as the other operations' frames are, audio and the {@code StreamClosedEvent} replayed.
 */
class PollyCassetteTests {

    @TempDir
    Path dir;

    private BidiEmulator emulator;

    private PollyAsyncClient polly;

    @AfterEach
    void stop() {
        if (polly != null) {
            polly.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String voice) {
        return "{\"format\":\"aws-bidi-cassette\",\"version\":1,\"service\":\"polly\",\"region\":\"us-east-1\","
                + "\"resource\":\"" + voice + "\",\"session\":\"speaker\",\"recordedAt\":\"2026-12-01T10:00:00Z\"}\n";
    }

    private static String frame(long at, String event, String dataType, boolean complete, String text) {
        return "{\"atMicros\":" + at + ",\"event\":\"" + event + "\",\"dataType\":\"" + dataType
                + "\",\"completion\":\"" + (complete ? "COMPLETE" : "PARTIAL") + "\",\"payload\":\"" + b64(text)
                + "\"}\n";
    }

    /**
     * Two partial text events, audio once Polly met the sentence end, a flush and the audio of the rest, the
     * half-close, then the billed characters: what the library's recorder writes for a {@code PollySession}.
     */
    private static String spoken() {
        return header("Joanna")
                + "{\"atMicros\":900,\"event\":\"answered\"}\n"
                + frame(1_000, "request", "UTF8", false, "Hello the")
                + frame(2_000, "request", "UTF8", false, "re. How")
                + frame(150_000, "response", "BINARY", true, "AUDIO-ONE")
                + frame(160_000, "request", "UTF8", true, "")
                + frame(300_000, "response", "BINARY", true, "AUDIO-TWO")
                + "{\"atMicros\":310000,\"event\":\"requestsCompleted\"}\n"
                + frame(320_000, "response", "UTF8", true, "{\"RequestCharacters\":16}")
                + "{\"atMicros\":321000,\"event\":\"end\",\"outcome\":\"completed\"}\n";
    }

    private void start(Cassettes cassettes) {
        emulator =
                BidiEmulator.start(EmulatorConfig.builder().cassettes(cassettes).build());
        polly = PollyAsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .protocol(Protocol.HTTP2)
                        .readTimeout(Duration.ZERO))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void recordedAudioAndCharactersReplayToTheSdkClient() throws Exception {
        write("a.jsonl", spoken());
        start(Cassettes.none().withDirectory(dir).withMatching(Cassettes.Matching.EXACT));
        long started = System.nanoTime();

        Session session = open(VoiceId.JOANNA);
        session.text("Hello the", false);
        session.text("re. How", false);
        session.text("", true);
        session.close();
        session.done.get(10, TimeUnit.SECONDS);

        // The last audio was recorded 300 ms into the exchange; at time scale 1 it cannot come much sooner.
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(250_000_000L);
        assertThat(new String(session.audio(), StandardCharsets.UTF_8)).isEqualTo("AUDIO-ONEAUDIO-TWO");
        assertThat(session.requestCharacters()).isEqualTo(16);

        // Another voice is not served by the cassette: the built-in synthesis speaks it.
        Session other = open(VoiceId.MATTHEW);
        other.text("Hi.", true);
        other.close();
        other.done.get(10, TimeUnit.SECONDS);
        assertThat(other.audio()).hasSize(3 * 960 * 2);
    }

    @Test
    void aRecordedCloseStreamEventIsMatchedAsARequestFrame() throws Exception {
        write(
                "closed.jsonl",
                header("Joanna")
                        + "{\"atMicros\":100,\"event\":\"answered\"}\n"
                        + frame(200, "request", "UTF8", true, "Bye.")
                        + frame(300, "request", "BINARY", true, "")
                        + frame(400, "response", "BINARY", true, "AUDIO")
                        + frame(500, "response", "UTF8", true, "{\"RequestCharacters\":4}")
                        + "{\"atMicros\":600,\"event\":\"requestsCompleted\"}\n"
                        + "{\"atMicros\":700,\"event\":\"end\",\"outcome\":\"completed\"}\n");
        start(Cassettes.none().withDirectory(dir).withTimeScale(0));

        Session session = open(VoiceId.JOANNA);
        session.text("Bye.", true);
        session.close();
        session.done.get(10, TimeUnit.SECONDS);

        assertThat(new String(session.audio(), StandardCharsets.UTF_8)).isEqualTo("AUDIO");
        assertThat(session.requestCharacters()).isEqualTo(4);
    }

    @Test
    void aDivergingTextEventFailsWithValidationExceptionNamingTheFrame() throws Exception {
        write("a.jsonl", spoken());
        start(Cassettes.none()
                .withDirectory(dir)
                .withMatching(Cassettes.Matching.EXACT)
                .withTimeScale(0));

        Session bytes = open(VoiceId.JOANNA);
        bytes.text("Hello thx", false);
        Session unflushed = open(VoiceId.JOANNA);
        unflushed.text("Hello the", false);
        unflushed.text("re. How", false);
        unflushed.text("", false);
        Session early = open(VoiceId.JOANNA);
        early.text("Hello the", false);
        early.close();

        assertThat(failure(bytes))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("a.jsonl: request frame 0 differs from the recording: "
                        + "the payloads first differ at byte 8 of 9");
        assertThat(failure(unflushed))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("request frame 2 differs from the recording: recorded UTF8, COMPLETE, 0 bytes, "
                        + "sent UTF8, PARTIAL, 0 bytes");
        assertThat(failure(early))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("the client ended its requests after 1 frame(s); the recording has 3");
    }

    @Test
    void recordedErrorsReplayAsPollysModeledExceptions() throws Exception {
        write(
                "1-quota.jsonl",
                header("Ruth")
                        + "{\"atMicros\":100,\"event\":\"answered\"}\n"
                        + frame(200, "request", "UTF8", true, "Spoken.")
                        + frame(300, "response", "BINARY", true, "AUDIO")
                        + "{\"atMicros\":5000300,\"event\":\"end\",\"outcome\":\"error\","
                        + "\"error\":{\"kind\":\"QUOTA\",\"retryable\":false,"
                        + "\"code\":\"ServiceQuotaExceededException\",\"awsErrorType\":"
                        + "\"ServiceQuotaExceededException\",\"message\":\"No input event arrived within the inbound"
                        + " event timeout\"}}\n");
        write(
                "2-throttled.jsonl",
                header("Ruth")
                        + "{\"atMicros\":9000,\"event\":\"end\",\"outcome\":\"error\","
                        + "\"error\":{\"kind\":\"THROTTLING\","
                        + "\"retryable\":true,\"code\":\"ThrottlingException\","
                        + "\"awsErrorType\":\"ThrottlingException\","
                        + "\"status\":400,\"message\":\"Rate exceeded\"}}\n");
        start(Cassettes.none().withDirectory(dir).withTimeScale(0));

        Session quota = open(VoiceId.RUTH);
        quota.text("Spoken.", true);
        Throwable quotaFailure = failure(quota);
        Throwable refused = failure(open(VoiceId.RUTH));

        assertThat(new String(quota.audio(), StandardCharsets.UTF_8)).isEqualTo("AUDIO");
        assertThat(quotaFailure)
                .isInstanceOf(ServiceQuotaExceededException.class)
                .hasMessageContaining("inbound event timeout");
        assertThat(refused).isInstanceOf(ThrottlingException.class).hasMessageContaining("Rate exceeded");
        assertThat(((AwsServiceException) refused).statusCode()).isEqualTo(400);
    }

    @Test
    void aBadPollyCassetteFailsTheStart() throws Exception {
        write("bad.jsonl", header("Joanna").replace("\"polly\"", "\"transcribe\""));

        assertThatThrownBy(() -> start(Cassettes.none().withDirectory(dir)))
                .hasMessageEndingWith("bad.jsonl line 1: 'service' must be sagemaker, bedrock or polly");
    }

    private static Throwable failure(Session session) {
        try {
            session.done.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the stream completed");
    }

    private Session open(VoiceId voice) {
        Session session = new Session();
        StartSpeechSynthesisStreamRequest request = StartSpeechSynthesisStreamRequest.builder()
                .engine(Engine.GENERATIVE)
                .voiceId(voice)
                .outputFormat(OutputFormat.PCM)
                .sampleRate("16000")
                .build();
        StartSpeechSynthesisStreamResponseHandler handler = StartSpeechSynthesisStreamResponseHandler.builder()
                .subscriber(StartSpeechSynthesisStreamResponseHandler.Visitor.builder()
                        .onAudioEvent(session::audio)
                        .onStreamClosedEvent(session.closed::add)
                        .build())
                .build();
        session.done = polly.startSpeechSynthesisStream(request, session.input.asFlux(), handler);
        return session;
    }

    /** One stream: its input, the audio and close events received, its outcome. */
    private static final class Session {
        final Sinks.Many<StartSpeechSynthesisStreamActionStream> input =
                Sinks.many().unicast().onBackpressureBuffer();
        final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        final List<StreamClosedEvent> closed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done;

        synchronized void audio(AudioEvent event) {
            audio.writeBytes(event.audioChunk().asByteArray());
        }

        synchronized byte[] audio() {
            return audio.toByteArray();
        }

        long requestCharacters() {
            assertThat(closed).hasSize(1);
            return closed.get(0).requestCharacters();
        }

        void text(String text, boolean force) {
            input.tryEmitNext(StartSpeechSynthesisStreamActionStream.textEventBuilder()
                    .text(text)
                    .flushStreamConfiguration(
                            FlushStreamConfiguration.builder().force(force).build())
                    .build());
        }

        void close() {
            input.tryEmitNext(StartSpeechSynthesisStreamActionStream.closeStreamEventBuilder()
                    .build());
            input.tryEmitComplete();
        }
    }
}
