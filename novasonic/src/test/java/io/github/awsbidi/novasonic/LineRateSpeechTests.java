package io.github.awsbidi.novasonic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Speech for a phone line: Nova Sonic takes {@code audioOutputConfiguration.sampleRateHertz} 8000 (PROTOCOL.md: 8, 16
 * or 24 kHz), so a telephony bridge asks for 8 kHz instead of resampling 24 kHz. The emulator honours the rate.
 */
class LineRateSpeechTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final EmulatedNovaSonic nova = EmulatedNovaSonic.start(options -> options);

    @AfterEach
    void close() {
        nova.close();
    }

    @Test
    void theSameAnswerAt8kHzHasAThirdOfThe24kHzSamples() {
        long at8k = speechBytes(8_000);
        long at24k = speechBytes(24_000);

        assertThat(at8k).isPositive();
        assertThat((double) at24k / at8k).isBetween(2.9, 3.1);
    }

    private long speechBytes(int outputRate) {
        NovaSonic sonic = nova.novaSonic(
                NovaSonicSettings.builder().outputSampleRate(outputRate).build());
        List<ConversationEvent> events = sonic.start()
                .flatMapMany(conversation -> conversation
                        .events()
                        .mergeWith(conversation.sendText("Hello there").then(Mono.empty()))
                        .takeUntil(ConversationEvent.TurnEnd.class::isInstance)
                        .concatWith(conversation.close().then(Mono.empty())))
                .collectList()
                .block(TIMEOUT);
        return events.stream()
                .filter(ConversationEvent.AudioOut.class::isInstance)
                .mapToLong(event -> ((ConversationEvent.AudioOut) event).pcm().length)
                .sum();
    }
}
