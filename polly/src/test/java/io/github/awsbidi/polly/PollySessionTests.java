package io.github.awsbidi.polly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.retry.RetryPolicy;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.PollyOptions;
import io.github.awsbidi.polly.micrometer.PollyCharactersListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** PollySession over the real PollyAsyncClient against the emulator's StartSpeechSynthesisStream. */
class PollySessionTests {

    private static final RetryPolicy FAST =
            RetryPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

    private static BidiEmulator emulator;

    private static BidiClientFactory factory;

    private static ConnectionSettings connection;

    @BeforeAll
    static void start() {
        emulator = BidiEmulator.start();
        factory = BidiClientFactory.create();
        connection = new ConnectionSettings(
                Region.of(emulator.region()),
                emulator.endpoint(),
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())));
    }

    @AfterAll
    static void stop() {
        factory.close();
        emulator.close();
    }

    @BeforeEach
    void fastEmulator() {
        emulator.reconfigure(config ->
                config.polly(PollyOptions.defaults().withTimeScale(0.1).withIdleTimeout(Duration.ofHours(1))));
    }

    @Test
    void textFramesInAudioFramesOutThenTheBilledCharacters() {
        PollySession session = session(PollySessionSettings.of("Joanna"), SessionOptions.defaults());

        List<Frame> responses = session.exchange(Flux.just(
                        PollyFrames.text("Hello the"), PollyFrames.text("re. How are you"), PollyFrames.flush()))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(session.target()).isEqualTo(Target.polly("us-east-1", "Joanna"));
        Frame last = responses.get(responses.size() - 1);
        assertThat(PollyFrames.requestCharacters(last)).isEqualTo(OptionalLong.of(24));
        long audioBytes = responses.stream()
                .filter(PollyFrames::isAudio)
                .mapToLong(Frame::size)
                .sum();
        // "Hello there." then "How are you", 60 ms per character at 16 kHz, 16-bit.
        assertThat(audioBytes).isEqualTo((12 + 11) * 960 * 2);
    }

    @Test
    void theSpeechHelperStreamsTextAndReportsTheCharactersOnItsOutcome() {
        PollySession session =
                session(PollySessionSettings.of("Matthew").withOutputFormat("pcm", 8000), SessionOptions.defaults());

        PollySpeech speech = PollySpeech.open(session).block(Duration.ofSeconds(10));
        Flux<ByteBuffer> audio = speech.audio().cache();
        audio.subscribe();
        Long characters = Flux.just("One ", "two ", "three.")
                .concatMap(speech::say)
                .then(Mono.defer(() -> speech.ssml("<speak>Four.</speak>")))
                .then(Mono.defer(speech::close))
                .block(Duration.ofSeconds(10));

        assertThat(characters).isEqualTo(19);
        long bytes = audio.map(ByteBuffer::remaining).reduce(0L, Long::sum).block(Duration.ofSeconds(10));
        assertThat(bytes).isEqualTo((14 + 5) * 480 * 2);
    }

    @Test
    void whitespaceIsBilledLikeText() {
        PollySession session = session(PollySessionSettings.of("Joanna"), SessionOptions.defaults());

        List<Frame> responses = session.exchange(
                        Flux.just(PollyFrames.text(" "), PollyFrames.text(" "), PollyFrames.textAndFlush("Hi.")))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(PollyFrames.requestCharacters(responses.get(responses.size() - 1)))
                .isEqualTo(OptionalLong.of(5));
    }

    @Test
    void theBilledCharactersAreCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PollySession session = session(
                PollySessionSettings.of("Joanna"),
                SessionOptions.defaults().withListener(new PollyCharactersListener(registry)));

        session.exchange(Flux.just(PollyFrames.textAndFlush("Counted."))).blockLast(Duration.ofSeconds(10));
        session.exchange(Flux.just(PollyFrames.textAndFlush("Twice."))).blockLast(Duration.ofSeconds(10));

        assertThat(registry.get(PollyCharactersListener.CHARACTERS)
                        .tag("session", "speaker")
                        .tag("service", "polly")
                        .counter()
                        .count())
                .isEqualTo(14);
    }

    @Test
    void aVoiceWithoutTheGenerativeEngineIsAValidationErrorAndNotRetried() {
        PollySession session = session(
                PollySessionSettings.of("Ivy"), SessionOptions.defaults().withRetryPolicy(FAST));

        assertThatThrownBy(() -> session.exchange(Flux.just(PollyFrames.textAndFlush("Hi.")))
                        .blockLast(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(BidiStreamException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION);
                    assertThat(error.retryable()).isFalse();
                    assertThat(error.errorCode()).contains("ValidationException");
                });
    }

    @Test
    void throttledOpensAreRetried() {
        emulator.reconfigure(config -> config.polly(PollyOptions.defaults()
                .withTimeScale(0.1)
                .withIdleTimeout(Duration.ofHours(1))
                .withFaults(Faults.none().withOpenError("ThrottlingException", 2, "Rate exceeded"))));
        PollySession session = session(
                PollySessionSettings.of("Joanna"), SessionOptions.defaults().withRetryPolicy(FAST));

        // A refused open spoke nothing: the text the failed attempts took may be sent again (the replay opt-in).
        PollySpeech speech = PollySpeech.open(
                        session, ExchangeOptions.defaults().withReplayUnconfirmed(true))
                .block(Duration.ofSeconds(10));
        speech.audio().subscribe();
        Long characters =
                speech.say("Third time.").then(Mono.defer(speech::close)).block(Duration.ofSeconds(10));

        assertThat(characters).isEqualTo(11);
    }

    @Test
    void eachOfTheFourExceptionsHasItsKind() {
        assertKind("ValidationException", ErrorKind.VALIDATION, false);
        assertKind("ThrottlingException", ErrorKind.THROTTLING, true);
        assertKind("ServiceFailureException", ErrorKind.INTERNAL, true);
        assertKind("ServiceQuotaExceededException", ErrorKind.QUOTA, false);
    }

    @Test
    void aWrongEngineOrFormatFailsWhenTheSettingsAreBuilt() {
        assertThatThrownBy(() -> new PollySessionSettings("Joanna", "neural", "pcm", null, null, List.of()))
                .hasMessageContaining("engine")
                .hasMessageContaining("generative");
        assertThatThrownBy(() -> new PollySessionSettings("Joanna", "generative", "wav", null, null, List.of()))
                .hasMessageContaining("outputFormat");
        assertThatThrownBy(() -> PollySessionSettings.of("Joanna").withOutputFormat("pcm", 24000))
                .hasMessageContaining("sampleRate");
    }

    @Test
    void sessionsOnTheSameConnectionShareOneClient() {
        assertThat(PollySession.client(factory, connection, List.of()))
                .isSameAs(PollySession.client(factory, connection, List.of()));
    }

    private void assertKind(String exceptionType, ErrorKind kind, boolean retryable) {
        // In the stream, after the first event: never retried (the text is already spoken), reported with its kind.
        emulator.reconfigure(config -> config.polly(PollyOptions.defaults()
                .withTimeScale(0.1)
                .withIdleTimeout(Duration.ofHours(1))
                .withFaults(Faults.none().withInStreamError(exceptionType, 1, "injected"))));
        PollySession session = session(
                PollySessionSettings.of("Joanna"), SessionOptions.defaults().withRetryPolicy(FAST));

        assertThatThrownBy(() -> session.exchange(Flux.just(PollyFrames.text("Some text")))
                        .blockLast(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(BidiStreamException.class, error -> {
                    assertThat(error.kind()).isEqualTo(kind);
                    assertThat(error.retryable()).isEqualTo(retryable);
                    assertThat(error.errorCode()).contains(exceptionType);
                });
    }

    private static PollySession session(PollySessionSettings settings, SessionOptions options) {
        return PollySession.create("speaker", PollySession.client(factory, connection, List.of()), settings, options);
    }
}
