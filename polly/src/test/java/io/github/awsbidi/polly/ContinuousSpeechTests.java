package io.github.awsbidi.polly;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.PollyOptions;
import io.github.awsbidi.emulator.novasonic.SpeechSynthesizer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Keep-alive while text pauses and renewal past Polly's stream limit, time-scaled against the emulator. */
class ContinuousSpeechTests {

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

    @Test
    void findsWhereTheNextSentenceStarts() {
        assertThat(ContinuousSpeech.sentenceStart("", "Hello there. How")).isEqualTo(13);
        assertThat(ContinuousSpeech.sentenceStart("It ended.", " Next")).isEqualTo(1);
        assertThat(ContinuousSpeech.sentenceStart("It ended. ", "Next")).isZero();
        assertThat(ContinuousSpeech.sentenceStart("", "Done! ")).isEqualTo(6);
        assertThat(ContinuousSpeech.sentenceStart("In the mid", "dle of it")).isEqualTo(-1);
        assertThat(ContinuousSpeech.sentenceStart("", "3.5 percent")).isEqualTo(-1);
    }

    @Test
    void keepAliveHoldsTheStreamOpenWhileTheTextPauses() {
        // Polly's 5 s idle close at a twentieth is 250 ms; the caller pauses four times that after the first audio.
        emulator.reconfigure(config -> config.polly(PollyOptions.defaults().withTimeScale(0.05)));
        Sinks.Empty<Void> heard = Sinks.empty();
        ContinuousSpeech speech = ContinuousSpeech.of(
                session(SessionOptions.defaults()),
                pausedText(heard),
                ContinuousSpeechSettings.defaults().scaled(0.05));

        byte[] audio = collect(speech.audio().doOnNext(buffer -> heard.tryEmitEmpty()));

        assertThat(speech.streamsOpened()).isEqualTo(1);
        assertThat(audio).hasSize((11 + 12) * 960 * 2);
        // Keep-alive whitespace is billed by the emulator like any text.
        assertThat(speech.requestCharacters().block(Duration.ofSeconds(10))).isGreaterThan(24);
    }

    @Test
    void withoutKeepAliveTheIdleStreamIsClosedAndTheRestIsLost() {
        emulator.reconfigure(config -> config.polly(PollyOptions.defaults().withTimeScale(0.05)));
        Sinks.Empty<Void> heard = Sinks.empty();
        ContinuousSpeech speech = ContinuousSpeech.of(
                session(SessionOptions.defaults()),
                pausedText(heard),
                ContinuousSpeechSettings.defaults().scaled(0.05).withKeepAliveAfter(Duration.ofMinutes(1)));

        byte[] audio =
                collect(speech.audio().doOnNext(buffer -> heard.tryEmitEmpty()).onErrorResume(error -> Flux.empty()));

        // The control case: the emulator really closes an idle stream, so the test above proves the keep-alive.
        assertThat(audio).hasSize(11 * 960 * 2);
    }

    @Test
    void textPastTheStreamLimitContinuesOnNewStreamsWithTheAudioInOrder() {
        // Polly's 10-minute limit at 1/500 is 1.2 s; the idle close is kept out of the way.
        emulator.reconfigure(config -> config.polly(PollyOptions.defaults()
                .withTimeScale(0.002)
                .withIdleTimeout(Duration.ofHours(1))
                .withSynthesisDelay(Duration.ofMillis(10))));
        AudioTimes times = new AudioTimes();
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            sentences.add("Sentence number " + i + " is " + "here".repeat(1 + i % 3) + ". ");
        }
        ContinuousSpeech speech = ContinuousSpeech.of(
                session(SessionOptions.defaults().withListener(times)),
                Flux.interval(Duration.ofMillis(20)).take(sentences.size()).map(i -> sentences.get(i.intValue())),
                ContinuousSpeechSettings.defaults().scaled(0.002).withKeepAliveAfter(Duration.ofSeconds(1)));

        byte[] audio = collect(speech.audio());

        assertThat(speech.streamsOpened()).isGreaterThanOrEqualTo(3);
        // Every sentence once, in order: what one unlimited stream would have said.
        SpeechSynthesizer voice = new SpeechSynthesizer(16000, "Joanna");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String sentence : sentences) {
            int samples = sentence.strip().length() * 960;
            expected.writeBytes(voice.render(0, samples, samples));
        }
        assertThat(audio).isEqualTo(expected.toByteArray());
        assertThat(times.handOffGapsMillis())
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(200));
    }

    /** A sentence, then, a second after its first audio arrived, another. */
    private static Flux<String> pausedText(Sinks.Empty<Void> heard) {
        return Flux.concat(
                Mono.just("First part. "),
                heard.asMono().then(Mono.delay(Duration.ofSeconds(1))).thenReturn("Second part."));
    }

    private static byte[] collect(Flux<ByteBuffer> audio) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audio.doOnNext(buffer -> {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    out.writeBytes(bytes);
                })
                .blockLast(Duration.ofSeconds(30));
        return out.toByteArray();
    }

    private static PollySession session(SessionOptions options) {
        return PollySession.create(
                "speaker",
                PollySession.client(factory, connection, List.of()),
                PollySessionSettings.of("Joanna"),
                options);
    }

    /** When each stream's first and last audio arrived. */
    private static final class AudioTimes implements ExchangeListener {

        private final Map<String, long[]> byExchange = new LinkedHashMap<>();

        @Override
        public synchronized void frameReceived(ExchangeContext exchange, Frame frame, long nanoTime) {
            if (PollyFrames.isAudio(frame)) {
                long[] span = byExchange.computeIfAbsent(exchange.id(), id -> new long[] {nanoTime, nanoTime});
                span[1] = nanoTime;
            }
        }

        /** From one stream's last audio to the next one's first, in milliseconds (0 when they overlap). */
        synchronized List<Long> handOffGapsMillis() {
            List<long[]> spans = new ArrayList<>(byExchange.values());
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < spans.size(); i++) {
                gaps.add(Math.max(0, (spans.get(i)[0] - spans.get(i - 1)[1]) / 1_000_000));
            }
            return gaps;
        }
    }
}
