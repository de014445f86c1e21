package io.github.awsbidi.novasonic;

import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * Streams silence into gaps of the caller's audio, in real time: the service ends a stream after about 55 s
 * without audio input, and silence costs no tokens. A gap is any pause longer than {@code keepAlive.gap}
 * (the user is muted, a tool runs, the assistant speaks first). Called under the conversation's lock.
 */
final class KeepAlive {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_FILL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** Sends silence on the current stream, if there is one. */
    interface Filler {
        void silence(byte[] pcm);
    }

    private final NovaSonicSettings.KeepAlive settings;
    private final int bytesPerSecond;
    private long lastAudioNanos = System.nanoTime();
    private long lastFillNanos;
    private Disposable ticker = Disposables.disposed();

    KeepAlive(NovaSonicSettings.KeepAlive settings, int sampleRate) {
        this.settings = settings;
        this.bytesPerSecond = sampleRate * 2;
    }

    void start(Object lock, Scheduler scheduler, Filler filler) {
        if (!settings.enabled()) {
            return;
        }
        long period = Math.min(TICK_NANOS, settings.gap().toNanos());
        ticker = scheduler.schedulePeriodically(
                () -> {
                    synchronized (lock) {
                        tick(filler);
                    }
                },
                period,
                period,
                TimeUnit.NANOSECONDS);
    }

    /** The caller sent audio. */
    void callerAudio() {
        lastAudioNanos = System.nanoTime();
    }

    void stop() {
        ticker.dispose();
    }

    private void tick(Filler filler) {
        long now = System.nanoTime();
        long gapStart = lastAudioNanos + settings.gap().toNanos();
        if (now < gapStart) {
            return;
        }
        long from = Math.max(gapStart, lastFillNanos);
        long nanos = Math.min(now - from, MAX_FILL_NANOS);
        lastFillNanos = now;
        int bytes = (int) (bytesPerSecond * nanos / 1_000_000_000L) & ~1;
        if (bytes > 0) {
            filler.silence(new byte[bytes]);
        }
    }
}
