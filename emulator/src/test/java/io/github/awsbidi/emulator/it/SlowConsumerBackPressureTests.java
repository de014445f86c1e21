package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponseStreamEvent;

/**
 * A client that reads its SageMaker responses slowly holds the container back: the emulator stops
 * reading the container while the client's HTTP/2 window is used up, so what sits between the two
 * stays bounded instead of growing with everything the container can send.
 */
class SlowConsumerBackPressureTests {

    private static final int FRAME_BYTES = 64 * 1024;
    /** What the container could send without back-pressure: far more than any buffer on the way. */
    private static final long CONTAINER_CAP = 2_000;
    /**
     * Frames that may be in flight between container and client: socket buffers on both loopback hops,
     * the stream's outbound buffer, the client's 1 MiB HTTP/2 window and the SDK's own buffers, in 64 KiB
     * frames; well under {@link #CONTAINER_CAP}.
     */
    private static final long MAX_IN_FLIGHT = 300;

    @Test
    void aSlowClientHoldsTheContainerBack() throws Exception {
        BidiEmulator emulator = SharedEmulators.emulator(false);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (FirehoseContainer container = new FirehoseContainer(FRAME_BYTES, CONTAINER_CAP)) {
            emulator.reconfigure(config -> config.sagemakerEndpoint("firehose", SageMakerEndpoint.of(container.url())));
            SlowSubscriber consumer = new SlowSubscriber();
            CompletableFuture<Void> done = SharedEmulators.clients(false)
                    .sagemaker
                    .invokeEndpointWithBidirectionalStream(
                            Streams.endpoint("firehose"),
                            Streams.thenHold(Streams.text("go")),
                            InvokeEndpointWithBidirectionalStreamResponseHandler.builder()
                                    .onEventStream(events -> events.subscribe(consumer))
                                    .build());
            ticker.scheduleAtFixedRate(consumer::requestOne, 20, 20, TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.received.get() >= 50);
            long inFlight = container.framesSent() - consumer.received.get();

            assertThat(inFlight).isLessThan(MAX_IN_FLIGHT);
            consumer.cancel();
            done.exceptionally(ignored -> null);
        } finally {
            ticker.shutdownNow();
        }
    }

    /** Takes one event each time it is told to. */
    private static final class SlowSubscriber implements Subscriber<ResponseStreamEvent> {
        final AtomicLong received = new AtomicLong();
        private final AtomicReference<Subscription> subscription = new AtomicReference<>();

        @Override
        public void onSubscribe(Subscription value) {
            subscription.set(value);
        }

        void requestOne() {
            Subscription current = subscription.get();
            if (current != null) {
                current.request(1);
            }
        }

        void cancel() {
            Subscription current = subscription.get();
            if (current != null) {
                current.cancel();
            }
        }

        @Override
        public void onNext(ResponseStreamEvent event) {
            received.incrementAndGet();
        }

        @Override
        public void onError(Throwable error) {}

        @Override
        public void onComplete() {}
    }
}
