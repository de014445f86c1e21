package io.github.awsbidi.emulator.polly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.PollyOptions;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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
import software.amazon.awssdk.services.polly.model.TextType;
import software.amazon.awssdk.services.polly.model.ThrottlingException;
import software.amazon.awssdk.services.polly.model.ValidationException;
import software.amazon.awssdk.services.polly.model.Voice;
import software.amazon.awssdk.services.polly.model.VoiceId;

/** Polly StartSpeechSynthesisStream and DescribeVoices through the real PollyAsyncClient. */
class PollyStreamTests {

    private static BidiEmulator emulator;

    private static PollyAsyncClient polly;

    @BeforeAll
    static void start() {
        emulator = BidiEmulator.start();
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

    @AfterAll
    static void stop() {
        polly.close();
        emulator.close();
    }

    @BeforeEach
    void fastSynthesis() {
        // Scheduled durations at a twentieth: the order and the audio stay the same. The idle close is kept out of
        // the way (a slow first stream may take longer than its scaled 250 ms to send) except where it is tested.
        emulator.reconfigure(config ->
                config.polly(PollyOptions.defaults().withTimeScale(0.05).withIdleTimeout(Duration.ofHours(1))));
    }

    @Test
    void speaksStreamedTextAndReportsTheCharacters() throws Exception {
        Session session = open(request(OutputFormat.PCM, "16000"));
        session.text("Hello there. How are", false);
        session.text(" you today?", false);
        session.close();

        session.done.get(10, TimeUnit.SECONDS);

        // Two sentences of 12 and 18 spoken characters at 60 ms each, 16 kHz, 16-bit.
        assertThat(session.audio().length).isEqualTo((12 + 18) * 960 * 2);
        assertThat(rms(session.audio())).isGreaterThan(1000);
        assertThat(session.requestCharacters()).isEqualTo(31);
    }

    @Test
    void theSameTextGivesTheSameAudio() throws Exception {
        Session first = open(request(OutputFormat.PCM, "8000"));
        first.text("Deterministic speech.", true);
        first.close();
        Session second = open(request(OutputFormat.PCM, "8000"));
        second.text("Deterministic speech.", true);
        second.close();

        first.done.get(10, TimeUnit.SECONDS);
        second.done.get(10, TimeUnit.SECONDS);

        assertThat(first.audio()).hasSize(21 * 480 * 2).isEqualTo(second.audio());
    }

    @Test
    void forceSpeaksWhatIsBufferedWithoutClosing() throws Exception {
        emulator.reconfigure(config ->
                config.polly(PollyOptions.defaults().withTimeScale(0.05).withIdleTimeout(Duration.ofHours(1))));
        Session session = open(request(OutputFormat.PCM, "16000"));
        session.text("no sentence end yet", false);
        session.text(" and still none", true);

        // The stream stays open; the audio of the forced text arrives before any close.
        awaitAudio(session, (19 + 15) * 960 * 2);
        assertThat(session.done).isNotDone();
        session.close();
        session.done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void mulawIsOneBytePerSampleAtEightKilohertz() throws Exception {
        Session session = open(request(OutputFormat.MULAW, null));
        session.text("Telephone audio.", true);
        session.close();

        session.done.get(10, TimeUnit.SECONDS);

        assertThat(session.audio()).hasSize(16 * 480);
    }

    @Test
    void ssmlIsSpokenWithoutItsTags() throws Exception {
        Session session = open(request(OutputFormat.PCM, "8000"));
        session.ssml("<speak>Hi <break time=\"1s\"/>there</speak>");
        session.close();

        session.done.get(10, TimeUnit.SECONDS);

        assertThat(session.requestCharacters()).isEqualTo(8);
        assertThat(session.audio()).hasSize(8 * 480 * 2);
    }

    @Test
    void invalidSsmlFailsTheStreamWithValidationException() {
        Session session = open(request(OutputFormat.PCM, "8000"));
        session.ssml("<speak>unclosed");

        assertThatThrownBy(() -> session.done.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Invalid SSML");
    }

    @Test
    void aStreamWithoutInputEndsWithTheInboundEventTimeoutQuota() throws Exception {
        emulator.reconfigure(config -> config.polly(PollyOptions.defaults().withTimeScale(0.2)));
        Session session = open(request(OutputFormat.PCM, "16000"));
        session.text("Spoken before the pause. Never spoken", false);

        // 5 s at a fifth: the synthesised sentence arrives, then the quota exception ends the stream.
        assertThatThrownBy(() -> session.done.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        ServiceQuotaExceededException.class,
                        error -> assertThat(error.quotaCodeAsString()).isEqualTo("input-stream-inbound-event-timeout"));
        assertThat(session.audio()).hasSize(24 * 960 * 2);
    }

    @Test
    void aStreamEndsAtTheLimitWithTheStreamTimeoutQuota() throws Exception {
        // 10 minutes at a thousandth is 600 ms; the idle timeout is stretched so only the limit can end it.
        emulator.reconfigure(
                config -> config.polly(options -> options.withTimeScale(0.001).withIdleTimeout(Duration.ofHours(1))));
        Session session = open(request(OutputFormat.PCM, "16000"));
        session.text("Before the limit.", true);

        assertThatThrownBy(() -> session.done.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        ServiceQuotaExceededException.class,
                        error -> assertThat(error.quotaCodeAsString()).isEqualTo("input-stream-timeout"));
        assertThat(session.audio()).hasSize(17 * 960 * 2);
    }

    @Test
    void wrongEngineFailsTheOpenWithValidationException() {
        Session session = open(request(OutputFormat.PCM, "16000").toBuilder()
                .engine(Engine.NEURAL)
                .build());

        assertThatThrownBy(() -> session.done.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("generative");
    }

    @Test
    void aVoiceWithoutTheGenerativeEngineFailsTheOpen() {
        Session session = open(request(OutputFormat.PCM, "16000").toBuilder()
                .voiceId(VoiceId.IVY)
                .build());

        assertThatThrownBy(() -> session.done.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("engine");
    }

    @Test
    void pcmRejectsARateOutsideTheDocumentedOnes() {
        Session session = open(request(OutputFormat.PCM, "22050"));

        assertThatThrownBy(() -> session.done.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("22050");
    }

    @Test
    void anInjectedThrottlingReachesTheClientAsItsModeledException() {
        emulator.reconfigure(config -> config.polly(options ->
                options.withFaults(Faults.none().withInStreamError("ThrottlingException", 1, "Rate exceeded"))));
        Session session = open(request(OutputFormat.PCM, "16000"));
        session.text("Throttled.", false);

        assertThatThrownBy(() -> session.done.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ThrottlingException.class)
                .hasMessageContaining("Rate exceeded");
    }

    @Test
    void describeVoicesListsOnlyVoicesOfTheRequestedEngine() throws Exception {
        List<String> generative =
                polly.describeVoices(r -> r.engine(Engine.GENERATIVE)).get(10, TimeUnit.SECONDS).voices().stream()
                        .map(Voice::idAsString)
                        .toList();
        List<String> all = polly.describeVoices(r -> {}).get(10, TimeUnit.SECONDS).voices().stream()
                .map(Voice::idAsString)
                .toList();

        assertThat(generative).contains("Joanna", "Matthew").doesNotContain("Ivy");
        assertThat(all).contains("Joanna", "Ivy");
    }

    private static StartSpeechSynthesisStreamRequest request(OutputFormat format, String sampleRate) {
        return StartSpeechSynthesisStreamRequest.builder()
                .engine(Engine.GENERATIVE)
                .voiceId(VoiceId.JOANNA)
                .outputFormat(format)
                .sampleRate(sampleRate)
                .build();
    }

    private static void awaitAudio(Session session, int bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (session) {
            while (session.audio().length < bytes && System.nanoTime() < deadline) {
                session.wait(100);
            }
        }
        assertThat(session.audio()).hasSize(bytes);
    }

    private static Session open(StartSpeechSynthesisStreamRequest request) {
        Session session = new Session();
        StartSpeechSynthesisStreamResponseHandler handler = StartSpeechSynthesisStreamResponseHandler.builder()
                .subscriber(StartSpeechSynthesisStreamResponseHandler.Visitor.builder()
                        .onAudioEvent(session::audio)
                        .onStreamClosedEvent(session.closed::add)
                        .build())
                .build();
        session.done = polly.startSpeechSynthesisStream(request, session.input.asFlux(), handler);
        return session;
    }

    private static int rms(byte[] pcm) {
        double sum = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            short sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            sum += (double) sample * sample;
        }
        return (int) Math.sqrt(sum / (pcm.length / 2.0));
    }

    /** One stream: its input sink, the audio and close events received, its outcome. */
    private static final class Session {
        final Sinks.Many<StartSpeechSynthesisStreamActionStream> input =
                Sinks.many().unicast().onBackpressureBuffer();
        final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        final List<StreamClosedEvent> closed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done;

        synchronized void audio(AudioEvent event) {
            audio.writeBytes(event.audioChunk().asByteArray());
            notifyAll();
        }

        synchronized byte[] audio() {
            return audio.toByteArray();
        }

        long requestCharacters() {
            assertThat(closed).hasSize(1);
            return closed.get(0).requestCharacters();
        }

        void text(String text, boolean force) {
            emit(StartSpeechSynthesisStreamActionStream.textEventBuilder()
                    .text(text)
                    .flushStreamConfiguration(
                            FlushStreamConfiguration.builder().force(force).build())
                    .build());
        }

        void ssml(String document) {
            emit(StartSpeechSynthesisStreamActionStream.textEventBuilder()
                    .text(document)
                    .textType(TextType.SSML)
                    .build());
        }

        void close() {
            emit(StartSpeechSynthesisStreamActionStream.closeStreamEventBuilder()
                    .build());
            input.tryEmitComplete();
        }

        private void emit(StartSpeechSynthesisStreamActionStream event) {
            input.tryEmitNext(event);
        }
    }
}
