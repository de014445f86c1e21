package io.github.awsbidi.polly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.record.Cassette;
import io.github.awsbidi.core.record.CassetteRecorder;
import io.github.awsbidi.core.retry.RetryPolicy;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.Cassettes;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.PollyOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.polly.PollyAsyncClient;
import software.amazon.awssdk.services.polly.model.Engine;
import software.amazon.awssdk.services.polly.model.FlushStreamConfiguration;
import software.amazon.awssdk.services.polly.model.OutputFormat;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamActionStream;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamRequest;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamResponseHandler;
import software.amazon.awssdk.services.polly.model.StreamClosedEvent;

/**
 * A Polly exchange recorded with {@link CassetteRecorder} against the emulator's synthesis, then replayed by a
 * second emulator that knows nothing but the cassette: to an unchanged {@link PollySession} and to the raw
 * {@link PollyAsyncClient}, with the same audio, characters and errors.
 */
class PollyCassetteTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tapes;

    private BidiEmulator live;

    private BidiClientFactory factory;

    @BeforeEach
    void startLiveEmulator() {
        live = BidiEmulator.start(EmulatorConfig.builder()
                .polly(PollyOptions.defaults().withTimeScale(0.05).withIdleTimeout(Duration.ofHours(1)))
                .build());
        factory = BidiClientFactory.create();
    }

    @AfterEach
    void stop() {
        factory.close();
        live.close();
    }

    private static ConnectionSettings connection(BidiEmulator emulator) {
        return new ConnectionSettings(
                Region.of(emulator.region()),
                emulator.endpoint(),
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())));
    }

    private PollySession session(BidiEmulator emulator, SessionOptions options) {
        return PollySession.create(
                "speaker",
                PollySession.client(factory, connection(emulator), List.of()),
                PollySessionSettings.of("Joanna"),
                options);
    }

    private static List<Frame> speech() {
        return List.of(PollyFrames.text("Hello the"), PollyFrames.text("re. How are you"), PollyFrames.flush());
    }

    private Path recorded() throws IOException {
        await().atMost(TIMEOUT).until(() -> cassetteFiles().size() == 1);
        return cassetteFiles().get(0);
    }

    private List<Path> cassetteFiles() throws IOException {
        try (Stream<Path> files = Files.list(tapes)) {
            return files.filter(file -> file.toString().endsWith(".jsonl")).toList();
        }
    }

    private BidiEmulator replaying(Cassettes.Matching matching) {
        return BidiEmulator.start(EmulatorConfig.builder()
                .cassettes(Cassettes.none()
                        .withDirectory(tapes)
                        .withMatching(matching)
                        .withTimeScale(0))
                .build());
    }

    private static List<String> describe(List<Frame> frames) {
        return frames.stream()
                .map(frame ->
                        frame.type() + "/" + frame.last() + "/" + HexFormat.of().formatHex(frame.toByteArray()))
                .toList();
    }

    @Test
    void aRecordedSpeechReplaysToTheSessionAndToTheRawClient() throws Exception {
        List<Frame> original = session(live, SessionOptions.defaults().withListener(new CassetteRecorder(tapes)))
                .exchange(Flux.fromIterable(speech()))
                .collectList()
                .block(TIMEOUT);
        String cassette = Files.readString(recorded());
        assertThat(cassette)
                .contains("\"service\":\"polly\"")
                .contains("\"resource\":\"Joanna\"")
                .doesNotContain("AWS4-HMAC-SHA256");
        assertThat(Cassette.read(recorded()).target().service()).isEqualTo(Target.Service.POLLY);
        assertThat(PollyFrames.requestCharacters(original.get(original.size() - 1)))
                .isEqualTo(OptionalLong.of(24));

        try (BidiEmulator replay = replaying(Cassettes.Matching.EXACT)) {
            List<Frame> replayed = session(replay, SessionOptions.defaults())
                    .exchange(Flux.fromIterable(speech()))
                    .collectList()
                    .block(TIMEOUT);
            assertThat(describe(replayed)).isEqualTo(describe(original));

            RawSpeech raw = RawSpeech.speak(replay, List.of("Hello the", "re. How are you", ""));
            ByteArrayOutputStream audio = new ByteArrayOutputStream();
            original.stream().filter(PollyFrames::isAudio).forEach(frame -> audio.writeBytes(frame.toByteArray()));
            assertThat(raw.audio.toByteArray()).isEqualTo(audio.toByteArray()).isNotEmpty();
            assertThat(raw.closed)
                    .singleElement()
                    .extracting(StreamClosedEvent::requestCharacters)
                    .isEqualTo(24);
        }
    }

    @Test
    void otherTextDivergesAndARecordedErrorReplaysWithItsKind() throws Exception {
        live.reconfigure(config -> config.polly(options -> options.withFaults(
                Faults.none().withInStreamError("ServiceQuotaExceededException", 2, "Too many characters"))));
        SessionOptions noRetry = SessionOptions.defaults().withRetryPolicy(RetryPolicy.none());
        Throwable original = failure(session(live, noRetry.withListener(new CassetteRecorder(tapes))), speech());
        recorded();

        try (BidiEmulator replay = replaying(Cassettes.Matching.SHAPE)) {
            Throwable replayed = failure(session(replay, noRetry), speech());
            Throwable diverged = failure(
                    session(replay, noRetry),
                    List.of(PollyFrames.text("Hello the"), PollyFrames.textAndFlush("re. How are you")));

            assertThat(original).isInstanceOf(BidiStreamException.class);
            BidiStreamException recorded = (BidiStreamException) original;
            assertThat(recorded.kind()).isEqualTo(ErrorKind.QUOTA);
            assertThat(replayed).isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
                assertThat(bidi.kind()).isEqualTo(ErrorKind.QUOTA);
                assertThat(bidi.errorCode()).isEqualTo(recorded.errorCode());
                assertThat(bidi.detail()).isEqualTo(recorded.detail());
            });
            assertThat(diverged).isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
                assertThat(bidi.kind()).isEqualTo(ErrorKind.VALIDATION);
                assertThat(bidi.detail())
                        .contains("request frame 1 differs from the recording: recorded UTF8, PARTIAL, 15 bytes, "
                                + "sent UTF8, COMPLETE, 15 bytes");
            });
        }
    }

    private static Throwable failure(PollySession session, List<Frame> frames) {
        try {
            session.exchange(Flux.fromIterable(frames).concatWith(Flux.never())).blockLast(TIMEOUT);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the exchange completed");
    }

    /** The same text through the raw SDK client, the way its documentation shows. */
    private static final class RawSpeech {
        final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        final List<StreamClosedEvent> closed = new CopyOnWriteArrayList<>();

        static RawSpeech speak(BidiEmulator emulator, List<String> texts) throws Exception {
            RawSpeech speech = new RawSpeech();
            try (PollyAsyncClient client = PollyAsyncClient.builder()
                    .endpointOverride(emulator.endpoint())
                    .region(Region.of(emulator.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
                    .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP2))
                    .build()) {
                List<StartSpeechSynthesisStreamActionStream> events = new ArrayList<>();
                for (int i = 0; i < texts.size(); i++) {
                    boolean last = i == texts.size() - 1;
                    events.add(StartSpeechSynthesisStreamActionStream.textEventBuilder()
                            .text(texts.get(i))
                            .flushStreamConfiguration(
                                    last
                                            ? FlushStreamConfiguration.builder()
                                                    .force(true)
                                                    .build()
                                            : null)
                            .build());
                }
                events.add(StartSpeechSynthesisStreamActionStream.closeStreamEventBuilder()
                        .build());
                client.startSpeechSynthesisStream(
                                StartSpeechSynthesisStreamRequest.builder()
                                        .engine(Engine.GENERATIVE)
                                        .voiceId("Joanna")
                                        .outputFormat(OutputFormat.PCM)
                                        .sampleRate("16000")
                                        .build(),
                                Flux.fromIterable(events),
                                StartSpeechSynthesisStreamResponseHandler.builder()
                                        .subscriber(StartSpeechSynthesisStreamResponseHandler.Visitor.builder()
                                                .onAudioEvent(event -> {
                                                    synchronized (speech) {
                                                        speech.audio.writeBytes(event.audioChunk()
                                                                .asByteArray());
                                                    }
                                                })
                                                .onStreamClosedEvent(speech.closed::add)
                                                .build())
                                        .build())
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            return speech;
        }
    }
}
