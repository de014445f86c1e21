package io.github.awsbidi.novasonic.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.test.scheduler.VirtualTimeScheduler;

/** On a virtual clock: the pace is counted in ticks, never measured in wall-clock time. */
class FramePacerTests {

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final FramePacer pacer = new FramePacer(clock);
    private final List<byte[]> emitted = new CopyOnWriteArrayList<>();
    private final AtomicBoolean completed = new AtomicBoolean();
    private final Disposable subscription = pacer.frames().subscribe(emitted::add, null, () -> completed.set(true));

    @AfterEach
    void stop() {
        subscription.dispose();
        clock.dispose();
    }

    @Test
    void oneFrameOf160BytesPer20Milliseconds() {
        pacer.offer(bytes(50 * 160, (byte) 1)); // one second of audio, all at once

        clock.advanceTimeBy(Duration.ofMillis(19));
        assertThat(emitted).isEmpty();
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(emitted).hasSize(1);
        clock.advanceTimeBy(Duration.ofMillis(480));
        assertThat(emitted).hasSize(25);
        assertThat(pacer.queuedFrames()).isEqualTo(25);
        clock.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(emitted).hasSize(50).allSatisfy(frame -> assertThat(frame).hasSize(FramePacer.FRAME_BYTES));
        assertThat(completed).isFalse();
    }

    @Test
    void piecesAreJoinedIntoWholeFramesInOrder() {
        pacer.offer(bytes(100, (byte) 1));
        pacer.offer(bytes(100, (byte) 2));

        clock.advanceTimeBy(Duration.ofMillis(100));

        assertThat(emitted).singleElement().satisfies(frame -> {
            assertThat(frame[99]).isEqualTo((byte) 1);
            assertThat(frame[100]).isEqualTo((byte) 2);
            assertThat(frame[159]).isEqualTo((byte) 2);
        });
    }

    @Test
    void finishPadsTheLastFrameWithSilence() {
        pacer.offer(bytes(200, (byte) 3));
        pacer.finish();

        clock.advanceTimeBy(Duration.ofMillis(40));

        assertThat(emitted).hasSize(2);
        assertThat(emitted.get(1)[39]).isEqualTo((byte) 3);
        assertThat(emitted.get(1)[40]).isEqualTo(MuLaw.SILENCE);
        assertThat(emitted.get(1)[159]).isEqualTo(MuLaw.SILENCE);
    }

    @Test
    void clearDropsWhatWasNotEmitted() {
        pacer.offer(bytes(10 * 160 + 7, (byte) 4));
        clock.advanceTimeBy(Duration.ofMillis(60));

        assertThat(pacer.clear()).isEqualTo(7 * 160 + 7);
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(emitted).hasSize(3);

        pacer.offer(bytes(160, (byte) 5));
        clock.advanceTimeBy(Duration.ofMillis(20));
        assertThat(emitted).hasSize(4);
        assertThat(emitted.get(3)[0]).isEqualTo((byte) 5);
    }

    @Test
    void aQuietLineKeepsNoBacklogOfTicks() {
        clock.advanceTimeBy(Duration.ofSeconds(10));
        pacer.offer(bytes(5 * 160, (byte) 6));

        clock.advanceTimeBy(Duration.ofMillis(40));

        assertThat(emitted).hasSize(2);
    }

    @Test
    void aSubscriberThatStopsAskingMissesTicksWithoutFailingAndGetsNoBurstAfterwards() {
        FramePacer slow = new FramePacer(clock);
        List<byte[]> got = new CopyOnWriteArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        BaseSubscriber<byte[]> subscriber = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(byte[] frame) {
                got.add(frame);
            }

            @Override
            protected void hookOnError(Throwable error) {
                failed.set(true);
            }
        };
        slow.frames().subscribe(subscriber);
        slow.offer(bytes(4 * 160, (byte) 8));

        clock.advanceTimeBy(Duration.ofMillis(200));
        assertThat(got).hasSize(1);
        assertThat(failed)
                .as("ticks without demand are dropped, not an overflow error")
                .isFalse();

        subscriber.request(2);
        clock.advanceTimeBy(Duration.ofMillis(40));
        assertThat(got).as("one frame per tick once asked again").hasSize(3);
        assertThat(slow.queuedFrames()).isEqualTo(1);
        subscriber.dispose();
    }

    @Test
    void audioOfferedAfterCompleteIsDropped() {
        pacer.offer(bytes(160, (byte) 9));
        pacer.complete();
        pacer.offer(bytes(3 * 160, (byte) 10));

        assertThat(pacer.queuedFrames()).isEqualTo(1);
        clock.advanceTimeBy(Duration.ofMillis(40));
        assertThat(emitted).hasSize(1);
        assertThat(completed).isTrue();
    }

    @Test
    void completesOnceTheQueueIsDrained() {
        pacer.offer(bytes(2 * 160 + 1, (byte) 7));
        pacer.complete();

        clock.advanceTimeBy(Duration.ofMillis(60));
        assertThat(emitted).hasSize(3);
        assertThat(completed).isFalse();
        clock.advanceTimeBy(Duration.ofMillis(20));
        assertThat(completed).isTrue();
    }

    private static byte[] bytes(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
