package io.github.awsbidi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.Frame;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.test.publisher.TestPublisher;
import reactor.test.subscriber.TestSubscriber;

class AttemptResponsesTests {

    private final AtomicInteger callsCancelled = new AtomicInteger();

    @Test
    void passesTheFramesOnAndCompletesWithTheSdk() {
        TestPublisher<Frame> sdk = TestPublisher.create();
        TestSubscriber<Frame> subscriber = TestSubscriber.create();
        new AttemptResponses(sdk, () -> null, callsCancelled::incrementAndGet).subscribe(subscriber);

        sdk.next(Frame.text("a"), Frame.text("b")).complete();

        assertThat(subscriber.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a", "b");
        assertThat(subscriber.isTerminatedComplete()).isTrue();
        assertThat(callsCancelled).hasValue(0);
    }

    @Test
    void aFailureEndsTheFramesAlthoughTheSdkNeverEndsThem() {
        TestPublisher<Frame> sdk = TestPublisher.create();
        TestSubscriber<Frame> subscriber = TestSubscriber.create();
        AttemptResponses responses = new AttemptResponses(sdk, () -> null, callsCancelled::incrementAndGet);
        responses.subscribe(subscriber);
        IllegalStateException boom = new IllegalStateException("boom");

        sdk.next(Frame.text("a"));
        responses.fail(boom);
        sdk.next(Frame.text("late"));

        assertThat(subscriber.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a");
        assertThat(subscriber.expectTerminalError()).isSameAs(boom);
        sdk.assertCancelled();
        assertThat(callsCancelled).as("the attempt cancels its own call").hasValue(0);
    }

    @Test
    void aFailureBeforeTheSubscriptionIsKeptForIt() {
        TestPublisher<Frame> sdk = TestPublisher.create();
        AttemptResponses responses = new AttemptResponses(sdk, () -> null, callsCancelled::incrementAndGet);
        IllegalStateException boom = new IllegalStateException("boom");

        responses.fail(boom);
        TestSubscriber<Frame> subscriber = TestSubscriber.create();
        responses.subscribe(subscriber);

        assertThat(subscriber.expectTerminalError()).isSameAs(boom);
        sdk.assertCancelled();
    }

    @Test
    void anEndTheRequestsDidNotAskForIsTheSuppliedError() {
        TestPublisher<Frame> sdk = TestPublisher.create();
        TestSubscriber<Frame> subscriber = TestSubscriber.create();
        IllegalStateException broken = new IllegalStateException("broken");
        new AttemptResponses(sdk, () -> broken, callsCancelled::incrementAndGet).subscribe(subscriber);

        sdk.next(Frame.text("a")).complete();

        assertThat(subscriber.getReceivedOnNext()).hasSize(1);
        assertThat(subscriber.expectTerminalError()).isSameAs(broken);
    }

    @Test
    void cancellingCancelsTheCallAndTheSdksFrames() {
        TestPublisher<Frame> sdk = TestPublisher.create();
        TestSubscriber<Frame> subscriber = TestSubscriber.create();
        new AttemptResponses(sdk, () -> null, callsCancelled::incrementAndGet).subscribe(subscriber);

        subscriber.cancel();

        assertThat(callsCancelled).hasValue(1);
        sdk.assertCancelled();
    }

    @Test
    void demandReachesTheSdk() {
        TestPublisher<Frame> sdk = TestPublisher.create();
        TestSubscriber<Frame> subscriber =
                TestSubscriber.builder().initialRequest(2).build();
        new AttemptResponses(sdk, () -> null, callsCancelled::incrementAndGet).subscribe(subscriber);

        sdk.assertMinRequested(2);
        sdk.assertMaxRequested(2);
    }
}
