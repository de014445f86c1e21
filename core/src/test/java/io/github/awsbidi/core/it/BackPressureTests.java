package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.Frame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.subscriber.TestSubscriber;

/**
 * A consumer that takes one frame every 100 ms from the emulator's echo endpoint, fed by a producer that could send
 * 100,000 frames at once. What the producer was asked for may run ahead of what the consumer took (the "lead") only
 * by the bounded buffers between them, and once those are full the lead stops growing however long the consumer
 * keeps reading.
 * <p>
 * The buffers, for 8 KiB frames: the request stream's HTTP/2 window (the emulator's 64 KiB), the emulator's 16
 * pending container writes, the container connection (64 KiB socket buffers at both ends, each way, and Netty's
 * write buffers), the response stream's HTTP/2 window (the SDK's 1 MiB, 128 frames) and a frame or two held by each
 * stage: about 240 frames, against 100,000 if back-pressure broke anywhere.
 */
class BackPressureTests extends EmulatorSupport {

    private static final int FRAME_BYTES = 8 * 1024;
    private static final int AVAILABLE = 100_000;

    /** 3 MiB of 8 KiB frames: above the buffers' capacity (see the class comment), far below the producer's reach. */
    private static final long MAX_LEAD = 384;

    /** The buffers count as full once the producer got nothing for this many ticks in a row. */
    private static final int STALLED_TICKS = 5;

    /**
     * ...and the producer is at least this far ahead: on a loaded machine the producer can also stall for want of CPU
     * long before the buffers are full (seen at load 8 on 2 cores), which would take a half-full pipe for the capacity.
     * The first fill was never seen below 198 frames.
     */
    private static final long MIN_FILL = 128;

    /**
     * How long the consumer reads once the buffers are full: past 64 frames, so the SDK returns half its response
     * window at least once and the producer refills what the consumer took.
     */
    private static final int READ_TICKS = 70;

    /**
     * How far a refill may overshoot the first fill. The kernel charges socket buffers by the memory of their packets,
     * not by payload, so how many frames the container connection's four buffers hold differs from one fill to the
     * next (the first fill was seen stalling anywhere from 198 to 237 frames, refills reaching 248). A buffer that
     * keeps growing adds more, and without end: the container connection's kernel-tuned buffers, before they were
     * fixed, added 140 frames in 4 s and passed {@link #MAX_LEAD} within 3 s.
     */
    private static final long REFILL_SLACK = 64;

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aSlowConsumerKeepsTheFramesInFlightBounded(Wire wire) {
        AtomicLong produced = new AtomicLong();
        byte[] payload = new byte[FRAME_BYTES];
        Flux<Frame> fastProducer =
                Flux.range(0, AVAILABLE).map(i -> Frame.binary(payload)).doOnNext(frame -> produced.incrementAndGet());
        TestSubscriber<Frame> slowConsumer =
                TestSubscriber.builder().initialRequest(0).build();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        sageMaker(wire, "echo").exchange(fastProducer).subscribe(slowConsumer);
        // Each tick samples a whole period after the previous one, when the producer has run as far ahead as the
        // stream lets it. The consumer takes nothing until the buffers are full, so the lead then is their whole
        // capacity (the response window included); after that it takes one frame per tick.
        Disposable pacer = Flux.interval(Duration.ofMillis(100)).subscribe(tick -> {
            samples.add(
                    new Sample(produced.get(), slowConsumer.getReceivedOnNext().size()));
            if (filledAt(samples) >= 0) {
                slowConsumer.request(1);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> {
                int at = filledAt(samples);
                return at >= 0 && samples.size() > at + READ_TICKS;
            });
        } finally {
            pacer.dispose();
            slowConsumer.cancel();
        }
        List<Sample> all = List.copyOf(samples);
        int filled = filledAt(all);
        List<Long> leads = all.subList(0, filled + READ_TICKS + 1).stream()
                .map(Sample::lead)
                .toList();
        long capacity = leads.get(filled);

        assertThat(leads)
                .as("lead of the producer over the consumer, one sample per 100 ms")
                .allSatisfy(lead -> assertThat(lead).isLessThan(MAX_LEAD));
        assertThat(all.get(filled + READ_TICKS).consumed())
                .as("frames the consumer took")
                .isGreaterThan(READ_TICKS / 2);
        assertThat(leads.subList(filled, leads.size()))
                .as(
                        "lead while the consumer reads, the buffers having filled at %d frames (all samples: %s)",
                        capacity, leads)
                .allSatisfy(lead -> assertThat(lead).isLessThanOrEqualTo(capacity + REFILL_SLACK));
    }

    /**
     * The first tick after which the producer got nothing for {@link #STALLED_TICKS} ticks while at least
     * {@link #MIN_FILL} ahead, or -1.
     */
    private static int filledAt(List<Sample> samples) {
        for (int i = STALLED_TICKS; i < samples.size(); i++) {
            if (samples.get(i).produced() == samples.get(i - STALLED_TICKS).produced()
                    && samples.get(i).lead() >= MIN_FILL) {
                return i;
            }
        }
        return -1;
    }

    /** Frames produced and consumed at one tick. */
    private record Sample(long produced, long consumed) {

        long lead() {
            return produced - consumed;
        }
    }
}
