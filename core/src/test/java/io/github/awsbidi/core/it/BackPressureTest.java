package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.awsbidi.core.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.subscriber.TestSubscriber;

/**
 * A consumer that takes one frame every 100 ms from a producer that could send thousands at once: what the producer
 * was asked for may run ahead of what the consumer took only by the bounded buffers between them (the HTTP/2 windows
 * of both directions, the SDK's and the emulator's socket buffers), and that lead must not grow while the consumer
 * keeps reading.
 */
class BackPressureTest extends EmulatorSupport {

    private static final int FRAME_BYTES = 8 * 1024;
    private static final int AVAILABLE = 100_000;

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aSlowConsumerKeepsTheFramesInFlightBounded(Wire wire) {
        AtomicLong produced = new AtomicLong();
        byte[] payload = new byte[FRAME_BYTES];
        Flux<Frame> fastProducer = Flux.range(0, AVAILABLE).map(i -> Frame.binary(payload))
                .doOnNext(frame -> produced.incrementAndGet());
        TestSubscriber<Frame> slowConsumer = TestSubscriber.builder().initialRequest(0).build();
        sageMaker(wire, "echo").exchange(fastProducer).subscribe(slowConsumer);
        Disposable pacer = Flux.interval(Duration.ofMillis(100)).subscribe(tick -> slowConsumer.request(1));
        try {
            long leadAfter10 = leadWhenConsumed(slowConsumer, produced, 10);
            long leadAfter30 = leadWhenConsumed(slowConsumer, produced, 30);

            // 8 KiB frames: 256 in flight is 2 MiB, far below the 800 MB the producer would push unchecked.
            assertThat(leadAfter10).isLessThan(256);
            // Flat: twenty frames later the producer is not further ahead (a little slack for socket buffers).
            assertThat(leadAfter30).isLessThanOrEqualTo(leadAfter10 + 8);
        } finally {
            pacer.dispose();
            slowConsumer.cancel();
        }
    }

    private static long leadWhenConsumed(TestSubscriber<Frame> consumer, AtomicLong produced, int consumed) {
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getReceivedOnNext().size() >= consumed);
        // Let the producer run as far ahead as the stream allows before reading the lead.
        await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5))
                .until(() -> consumer.getReceivedOnNext().size() >= consumed);
        return produced.get() - consumer.getReceivedOnNext().size();
    }
}
